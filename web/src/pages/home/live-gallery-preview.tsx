import { createAsync } from "@solidjs/router";
import { ErrorBoundary, type JSX, Suspense } from "solid-js";
import { getGalleryPhotos } from "../../lib/queries/gallery-photos.ts";
import { getPublicEvents, recentEventsInput } from "../../lib/queries/public-events.ts";
import { GalleryPreview } from "./gallery-preview.tsx";

/** The hero's preview fed by the newest public race; the mock stands in while loading or on error. */
export function LiveGalleryPreview(): JSX.Element {
	return (
		<ErrorBoundary fallback={<GalleryPreview />}>
			<Suspense fallback={<GalleryPreview />}>
				<Loaded />
			</Suspense>
		</ErrorBoundary>
	);
}

function Loaded(): JSX.Element {
	const recent = createAsync(() => getPublicEvents(recentEventsInput));
	const newest = () => recent()?.events.find((e) => e.photoCount >= 3);
	const photos = createAsync(async () => {
		const event = newest();
		return event ? (await getGalleryPhotos({ eventId: event.id, limit: 6 })).photos : [];
	});
	return <GalleryPreview event={newest()} photos={photos()} />;
}
