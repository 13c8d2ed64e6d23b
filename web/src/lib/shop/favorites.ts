import { revalidate } from "@solidjs/router";
import { type Accessor, createEffect, createRoot, createSignal, on } from "solid-js";
import { onOtherTabWrite, readLocalJson, writeLocalJson } from "../local-json.ts";
import { getFavorites } from "../queries/favorites.ts";
import { useSession } from "../session.ts";
import { trpc, type User } from "../trpc.ts";
import {
	type FavoriteEntry,
	type FavoriteEvent,
	maxGuestFavorites,
	parseGuestFavorites,
	withFavorite,
	withoutFavorite,
} from "./favorites-state.ts";
import type { FavoritePhoto, ShopPhoto } from "./shop-types.ts";

export interface Favorites {
	entries: Accessor<FavoriteEntry[]>;
	/** True once the list is known (immediately for a guest, after favorites.list for an account). */
	ready: Accessor<boolean>;
	isFavorite: (photoId: string) => boolean;
	/** Saves or unsaves; resolves false when the server refused (the heart is then put back). */
	toggle: (photo: ShopPhoto, event: FavoriteEvent) => Promise<boolean>;
	ofEvent: (eventId: string) => ShopPhoto[];
}

const guestKey = "fr.favorites";

function fromServer(photo: FavoritePhoto): FavoriteEntry {
	return {
		photo: {
			id: photo.id,
			microUrl: photo.microUrl,
			thumbUrl: photo.thumbUrl,
			width: photo.width,
			height: photo.height,
		},
		event: photo.event,
	};
}

let instance: Favorites | undefined;

/**
 * Favorites (PRODUCT §4): a guest's live in this browser; an account's on the server. When a
 * session shows up with guest favorites (at login, or a visitor who saved photos before logging
 * in on another visit), they are merged into the account and the browser list is emptied.
 */
export function useFavorites(): Favorites {
	const session = useSession();
	instance ??= createRoot(() => createFavorites(session.user));
	return instance;
}

function createFavorites(user: Accessor<User | null | undefined>): Favorites {
	const [guest, setGuest] = createSignal(parseGuestFavorites(readLocalJson(guestKey)));
	const [account, setAccount] = createSignal<FavoriteEntry[]>();
	onOtherTabWrite(guestKey, (value) => setGuest(parseGuestFavorites(value)));

	const saveGuest = (entries: FavoriteEntry[]) => {
		setGuest(entries);
		writeLocalJson(guestKey, entries.length ? entries : undefined);
	};

	const load = async () => {
		const pending = guest();
		if (pending.length > 0) {
			try {
				await trpc.favorites.merge.mutate({
					photoIds: pending.map((e) => e.photo.id).slice(0, maxGuestFavorites),
				});
				saveGuest([]);
			} catch {
				// Kept in the browser: the next visit with a session merges them again.
			}
		}
		await revalidate(getFavorites.key);
		try {
			setAccount((await getFavorites()).map(fromServer));
		} catch {
			setAccount([]);
		}
	};

	createEffect(
		on(
			() => user()?.id,
			(id) => {
				setAccount(undefined);
				if (id) void load();
			},
		),
	);

	const signedIn = () => Boolean(user());
	const entries = () => (signedIn() ? (account() ?? []) : guest());
	const ids = () => new Set(entries().map((e) => e.photo.id));

	const toggle = async (photo: ShopPhoto, event: FavoriteEvent): Promise<boolean> => {
		const saved = ids().has(photo.id);
		if (!signedIn()) {
			saveGuest(saved ? withoutFavorite(guest(), photo.id) : withFavorite(guest(), { photo, event }));
			return true;
		}
		const before = account() ?? [];
		// Optimistic: the heart fills at once; a refusal puts it back.
		setAccount(saved ? withoutFavorite(before, photo.id) : withFavorite(before, { photo, event }));
		try {
			if (saved) await trpc.favorites.remove.mutate({ photoId: photo.id });
			else await trpc.favorites.add.mutate({ photoId: photo.id });
			void revalidate(getFavorites.key);
			return true;
		} catch {
			setAccount(before);
			return false;
		}
	};

	return {
		entries,
		ready: () => !signedIn() || account() !== undefined,
		isFavorite: (photoId) => ids().has(photoId),
		toggle,
		ofEvent: (eventId) =>
			entries()
				.filter((e) => e.event.id === eventId)
				.map((e) => e.photo),
	};
}
