import {
	type Accessor,
	createComponent,
	createContext,
	createSignal,
	type JSX,
	onMount,
	useContext,
} from "solid-js";
import { trpc, type User } from "./trpc.ts";

interface SessionValue {
	/** undefined while the first `auth.me` is in flight (or failed), null when logged out. */
	user: Accessor<User | null | undefined>;
	/** Set when the session could not be checked (server unreachable); `refresh` retries. */
	error: Accessor<unknown>;
	refresh: () => Promise<void>;
	/** After login/register the server already sent the user: no second round trip. */
	signedIn: (user: User) => void;
	logout: () => Promise<void>;
}

const SessionContext = createContext<SessionValue>();

/**
 * The current user, asked once per page load. The cookie is HttpOnly: the browser keeps it and
 * this only mirrors what `auth.me` answers. Plain signals rather than a Suspense resource so a
 * guard can show its own loading and error states without suspending the whole page.
 */
export function SessionProvider(props: { children: JSX.Element }): JSX.Element {
	const [user, setUser] = createSignal<User | null | undefined>(undefined);
	const [error, setError] = createSignal<unknown>();

	const refresh = async () => {
		setError(undefined);
		try {
			setUser(await trpc.auth.me.query());
		} catch (err) {
			setError(err);
		}
	};
	onMount(() => void refresh());

	const logout = async () => {
		try {
			await trpc.auth.logout.mutate();
		} catch {
			// Reloading below shows the truth either way: logged out, or still logged in if the
			// server could not be reached.
		}
		// A full page load drops everything the previous user had in memory (lists, caches).
		window.location.assign("/");
	};

	const value: SessionValue = { user, error, refresh, signedIn: (u) => setUser(u), logout };
	return createComponent(SessionContext.Provider, {
		value,
		get children() {
			return props.children;
		},
	});
}

export function useSession(): SessionValue {
	const context = useContext(SessionContext);
	if (!context) throw new Error("useSession must be used inside <SessionProvider>");
	return context;
}
