import type { RouterInputs, RouterOutputs } from "../trpc.ts";

/** The pro and organizer tools' shapes, all read from the api's router (never hand-written copies). */

/** One event as its manager edits it (`events.get`): fields, branding previews, packs. */
export type ManagedEventDetails = RouterOutputs["events"]["get"];
export type EventVisibility = ManagedEventDetails["visibility"];
export type SportType = ManagedEventDetails["sportType"];
export type CreateEventInput = RouterInputs["events"]["create"];
export type UpdateEventInput = RouterInputs["events"]["update"];

/** A pack as its manager sees it, retired ones included (`pricePacks.list`). */
export type ManagedPack = RouterOutputs["pricePacks"]["list"][number];

export type CsvPreview = RouterOutputs["startLists"]["previewCsv"];
export type CsvFormat = CsvPreview["format"];
export type CsvDelimiter = CsvFormat["delimiter"];
export type CsvEncoding = CsvFormat["encoding"];
export type CsvMapping = RouterInputs["startLists"]["importCsv"]["mapping"];
export type CsvField = keyof CsvMapping;
export type CsvImportResult = RouterOutputs["startLists"]["importCsv"];
export type CsvImportIssue = CsvImportResult["errors"][number];
export type StartListSources = RouterOutputs["startLists"]["sources"];
export type StartListSource = StartListSources["sources"][number];
export type SaveSourceInput = RouterInputs["startLists"]["saveSource"];
export type ConnectorProvider = SaveSourceInput["provider"];
export type ConnectorFieldMapping = NonNullable<SaveSourceInput["fieldMapping"]>;
export type SyncResult = RouterOutputs["startLists"]["sync"];
export type StartListPage = RouterOutputs["startLists"]["entries"];
export type StartListEntry = StartListPage["entries"][number];

export type CreditOffers = RouterOutputs["credits"]["offers"];
export type CreditOffer = CreditOffers["offers"][number];
export type CreditOfferId = CreditOffer["id"];
export type PaymentsMode = CreditOffers["mode"];
export type CreditHistory = RouterOutputs["credits"]["history"];
export type CreditTransaction = CreditHistory["transactions"][number];
export type CreditSubscription = CreditHistory["subscriptions"][number];

export type PayoutStatus = RouterOutputs["payouts"]["status"];
export type PayoutSummary = RouterOutputs["payouts"]["summary"];
export type PayoutRow = PayoutSummary["rows"][number];

export type StatsOverview = RouterOutputs["stats"]["overview"];
export type EventMetrics = StatsOverview["events"][number];
export type EventStats = RouterOutputs["stats"]["event"];
export type DailyPoint = EventStats["daily"][number];
export type TopRunner = EventStats["topRunners"][number];

export type MyTeam = RouterOutputs["teams"]["mine"][number];
export type TeamMember = MyTeam["members"][number];
export type TeamInvite = MyTeam["invites"][number];
export type TeamKind = RouterInputs["teams"]["create"]["kind"];
export type InviteRole = NonNullable<RouterInputs["teams"]["invite"]["role"]>;

export type GdprRequest = RouterOutputs["account"]["gdprRequests"][number];
export type ProfileInput = RouterInputs["account"]["updateProfile"];
