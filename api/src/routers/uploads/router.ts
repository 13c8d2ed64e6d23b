import { router } from "../../trpc/init.ts";
import { create } from "./create-upload.ts";
import { progress } from "./watch-progress.ts";

export const uploadsRouter = router({ create, progress });
