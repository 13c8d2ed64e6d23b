import { router } from "../../trpc/init.ts";
import { list } from "./list-users.ts";
import { setActive } from "./set-user-active.ts";

/** Admin user management (PRODUCT.md §6); more verbs come with the admin issue. */
export const usersRouter = router({ list, setActive });
