import { router } from "../../trpc/init.ts";
import { changePassword } from "./change-password.ts";
import { me } from "./get-me.ts";
import { login } from "./login.ts";
import { logout } from "./logout.ts";
import { register } from "./register.ts";

export const authRouter = router({ register, login, logout, me, changePassword });
