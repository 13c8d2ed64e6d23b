import { router } from "../../trpc/init.ts";
import { remove } from "./delete-photo.ts";
import { list } from "./list-photos.ts";
import { setBibs } from "./set-bibs.ts";

export const photosRouter = router({ list, setBibs, delete: remove });
