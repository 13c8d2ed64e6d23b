import { router } from "../../trpc/init.ts";
import { balance } from "./get-balance.ts";

export const creditsRouter = router({ balance });
