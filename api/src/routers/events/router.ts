import { router } from "../../trpc/init.ts";
import { listMine } from "./list-mine.ts";

export const eventsRouter = router({ listMine });
