import { Download, ImageOff } from "lucide-solid";
import { For, type JSX, Show } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import type { OrderFile } from "../../lib/shop/shop-types.ts";

/** The order's HD originals, each behind its own signed link (a download, not a page). */
export function OrderFiles(props: { files: OrderFile[] }): JSX.Element {
	const { t } = useI18n();
	return (
		<ul class="divide-y divide-ink-100" data-testid="order-files">
			<For each={props.files}>
				{(file) => (
					<li class="flex items-center gap-3 py-2.5">
						<div class="size-14 shrink-0 overflow-hidden rounded-lg bg-ink-100">
							<Show
								when={file.microUrl}
								fallback={
									<span class="flex h-full items-center justify-center text-ink-300">
										<ImageOff class="size-5" aria-hidden="true" />
									</span>
								}
							>
								{(src) => <img src={src()} alt="" loading="lazy" class="h-full w-full object-cover" />}
							</Show>
						</div>
						<p class="min-w-0 flex-1 truncate text-sm font-medium text-ink-900">{file.filename}</p>
						<a
							href={file.downloadUrl}
							download={file.filename}
							class="btn-secondary min-h-10 shrink-0 px-3"
							aria-label={t("downloads.downloadFile", file.filename)}
						>
							<Download class="size-4" aria-hidden="true" />
							<span class="hidden sm:inline">{t("downloads.download")}</span>
						</a>
					</li>
				)}
			</For>
		</ul>
	);
}
