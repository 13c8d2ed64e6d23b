import { Check, Eye, EyeOff } from "lucide-solid";
import { createSignal, type JSX, Show, splitProps } from "solid-js";
import { useI18n } from "../i18n/index.tsx";
import { TextField, type TextFieldProps } from "./text-field.tsx";

/** Same rule as the server (core passwordRules); the server still checks it. */
export const passwordMinLength = 10;

interface PasswordFieldProps extends Omit<TextFieldProps, "type" | "trailing" | "hint" | "onInput"> {
	/** Show the length rule and a live check: for new passwords only. */
	showRule?: boolean;
}

/** Password input with a show/hide toggle, and for new passwords the visible length rule. */
export function PasswordField(props: PasswordFieldProps): JSX.Element {
	const { t } = useI18n();
	const [local, rest] = splitProps(props, ["showRule"]);
	const [visible, setVisible] = createSignal(false);
	const [length, setLength] = createSignal(0);
	const ruleMet = () => length() >= passwordMinLength;

	const onInput: JSX.EventHandler<HTMLInputElement, InputEvent> = (event) => {
		setLength(event.currentTarget.value.length);
	};

	return (
		<TextField
			{...rest}
			type={visible() ? "text" : "password"}
			minLength={local.showRule ? passwordMinLength : undefined}
			onInput={onInput}
			trailing={
				<button
					type="button"
					class="inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs font-semibold text-ink-600 hover:bg-ink-100 hover:text-ink-900"
					aria-pressed={visible()}
					onClick={() => setVisible((v) => !v)}
				>
					<Show when={visible()} fallback={<Eye class="size-3.5" aria-hidden="true" />}>
						<EyeOff class="size-3.5" aria-hidden="true" />
					</Show>
					{visible() ? t("common.hide") : t("common.show")}
				</button>
			}
			hint={
				local.showRule ? (
					<span
						class="inline-flex items-center gap-1.5 font-medium"
						classList={{ "text-emerald-700": ruleMet(), "text-ink-500": !ruleMet() }}
					>
						<Show
							when={ruleMet()}
							fallback={<span class="inline-block size-3.5 rounded-full border-2 border-current" />}
						>
							<Check class="size-3.5" aria-hidden="true" />
						</Show>
						{t("auth.passwordRule", passwordMinLength)}
						<span class="font-normal text-ink-400" aria-hidden="true">
							({t("auth.passwordCount", length(), passwordMinLength)})
						</span>
					</span>
				) : undefined
			}
		/>
	);
}
