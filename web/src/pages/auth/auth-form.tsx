import { useNavigate, useSearchParams } from "@solidjs/router";
import { type Accessor, createSignal, type JSX, Show } from "solid-js";
import { destinationAfterAuth } from "../../lib/roles.ts";
import { useSession } from "../../lib/session.ts";
import type { User } from "../../lib/trpc.ts";
import { AlreadySignedIn } from "./already-signed-in.tsx";

export interface AuthForm {
	/** `?next=`: where to go once signed in (checked by destinationAfterAuth). */
	next: Accessor<string | undefined>;
	pending: Accessor<boolean>;
	error: Accessor<string | undefined>;
	/** True once signed in: the form stays on screen while we navigate away. */
	done: Accessor<boolean>;
	submit: JSX.EventHandler<HTMLFormElement, SubmitEvent>;
}

/**
 * What login and register do alike: send the form, sign the returned user in without a second
 * round trip, go to `next` or the role's landing page; on failure show the server's reason.
 */
export function createAuthForm(options: {
	send: (form: FormData) => Promise<{ user: User }>;
	errorMessage: (err: unknown) => string;
}): AuthForm {
	const session = useSession();
	const navigate = useNavigate();
	const [searchParams] = useSearchParams();
	const next = () => (typeof searchParams.next === "string" ? searchParams.next : undefined);
	const [pending, setPending] = createSignal(false);
	const [error, setError] = createSignal<string>();
	const [done, setDone] = createSignal(false);
	const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
		event.preventDefault();
		const form = new FormData(event.currentTarget);
		setPending(true);
		setError(undefined);
		try {
			const { user } = await options.send(form);
			setDone(true);
			session.signedIn(user);
			navigate(destinationAfterAuth(user.role, next()), { replace: true });
		} catch (err) {
			setError(options.errorMessage(err));
			setPending(false);
		}
	};
	return { next, pending, error, done, submit };
}

/** The form for a visitor; "already signed in" for a user (not while this form signs one in). */
export function SignedOutOnly(props: { form: AuthForm; children: JSX.Element }): JSX.Element {
	const session = useSession();
	return (
		<Show when={!props.form.done() && session.user()} fallback={props.children}>
			{(user) => <AlreadySignedIn user={user()} />}
		</Show>
	);
}
