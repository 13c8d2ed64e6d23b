import { createSignal } from "solid-js";
import type { Translate } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";

/**
 * The pending / saved / error state of one settings card. `run` clears the previous outcome,
 * awaits the save, and words a failure with the card's expected errors.
 */
export function createSaveState(t: Translate) {
	const [pending, setPending] = createSignal(false);
	const [saved, setSaved] = createSignal(false);
	const [error, setError] = createSignal<string>();
	const run = async (save: () => Promise<unknown>, expected: Partial<Record<string, string>> = {}) => {
		setPending(true);
		setSaved(false);
		setError(undefined);
		try {
			await save();
			setSaved(true);
			return true;
		} catch (err) {
			setError(apiErrorMessage(err, t, expected));
			return false;
		} finally {
			setPending(false);
		}
	};
	return { pending, saved, error, run, setError };
}
