import { QueryBuilder } from "drizzle-orm/pg-core";

/**
 * Builds the correlated subqueries of select fields: `sql\`(${subquery.select(…).from(…).where(…)})\``.
 * In a single-table select drizzle writes the columns of a raw `sql` field unqualified ("id"),
 * so a hand-written `(select … from photos where "event_id" = "id")` silently reads photos.id.
 * A nested query builder renders its own where clause with table names ("events"."id").
 */
export const subquery = new QueryBuilder();
