import { router } from "../../trpc/init.ts";
import { get } from "./get-ai-settings.ts";
import { update } from "./update-ai-settings.ts";

/** The admin's AI settings (PRODUCT.md §6): workers re-read them within a minute. */
export const aiSettingsRouter = router({ get, update });
