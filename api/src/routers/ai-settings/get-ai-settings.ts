import { getAiSettings } from "../../services/ai-settings/ai-settings.ts";
import { adminProcedure } from "../../trpc/init.ts";

export const get = adminProcedure.query(({ ctx }) => getAiSettings({ db: ctx.deps.db, env: ctx.deps.env }));
