import { LogOut } from "lucide-solid";
import { createSignal, type JSX } from "solid-js";
import { useI18n } from "../i18n/index.tsx";
import { useSession } from "../lib/session.ts";

/** The one logout control of a page (browser tests find it by its test id). */
export function LogoutButton(props: { class?: string; compact?: boolean }): JSX.Element {
	const { t } = useI18n();
	const session = useSession();
	const [pending, setPending] = createSignal(false);
	const logout = async () => {
		setPending(true);
		await session.logout();
	};
	return (
		<button
			type="button"
			data-testid="logout"
			class={props.class ?? "btn-ghost"}
			disabled={pending()}
			onClick={() => void logout()}
		>
			<LogOut class="size-4" aria-hidden="true" />
			<span classList={{ "sr-only sm:not-sr-only": props.compact }}>{t("nav.logout")}</span>
		</button>
	);
}
