import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { FaceDetail, TextDetection } from "@aws-sdk/client-rekognition";

/**
 * TEST KIT: a fake Amazon Rekognition on 127.0.0.1 that speaks the real wire protocol (AWS JSON
 * 1.1), so the real SDK client, its serialisers, SigV4 signing and error parsing all run in
 * tests. What it "sees" in an image is scripted by the test; collections live in memory; every
 * request is recorded for assertions on the wire. It does not verify signatures.
 *
 * Wire format, as the SDK (@aws-sdk/core AwsJson1_1Protocol) speaks it:
 * - request: `POST /`, `x-amz-target: RekognitionService.<Operation>`, `content-type:
 *   application/x-amz-json-1.1`, JSON body; blobs such as `Image.Bytes` are base64 strings.
 * - error: any non-2xx status with a JSON body. The SDK takes the error code from the body's
 *   `__type` first, then a `code` key, then the `x-amzn-errortype` header, and strips an
 *   `aws.namespace#` prefix; the message from `message` or `Message`. We send what Rekognition
 *   sends: `{"__type": "...", "Code": "...", "Message": "..."}` with status 400.
 */

/** A face the fake sees: Rekognition's own FaceDetail, plus who it is, for searches. */
export interface FakeFace {
	/** Faces of the same person match each other (see `similarity`). */
	person: string;
	detail: FaceDetail;
}

/** What the fake sees in one image; texts are returned by DetectText as given (LINEs and WORDs). */
export interface FakeImageContent {
	texts?: TextDetection[];
	faces?: FakeFace[];
}

/** Scripts the fake's "vision": from the image bytes a request carried to what is in them. */
export type FakeVision = (image: Buffer) => FakeImageContent;

export interface FakeRekognitionRequest {
	operation: string;
	body: Record<string, unknown>;
	headers: IncomingHttpHeaders;
	/** `Image.Bytes` decoded, when the request carried an image. */
	image: Buffer | null;
}

export interface FakeRekognitionError {
	/** The error code, e.g. "AccessDeniedException", "ThrottlingException". */
	type: string;
	message?: string;
	/** HTTP status; 400 unless said (Rekognition's 5xx: InternalServerError). */
	status?: number;
}

export interface FakeIndexedFace {
	faceId: string;
	imageId: string;
	externalImageId: string | null;
	face: FakeFace;
}

export interface FakeRekognitionOptions {
	/** Default: sees nothing in any image. */
	vision?: FakeVision;
	/** Similarity 0–100 between two faces. Default: 99 for the same person, 10 otherwise. */
	similarity?: (a: FakeFace, b: FakeFace) => number;
	/**
	 * Whether SearchFaces lists the searched face itself (similarity 100). Default false, which is
	 * what Rekognition does as far as we know; true checks that a client does not rely on it.
	 */
	searchFacesReturnsSelf?: boolean;
}

export interface FakeRekognitionServer {
	/** `http://127.0.0.1:<port>`, for the client's `endpoint`. */
	endpoint: string;
	region: string;
	/** Any key pair works (signatures are not checked); these are static and obviously fake. */
	credentials: { accessKeyId: string; secretAccessKey: string };
	/** Every request received, in order. */
	readonly requests: FakeRekognitionRequest[];
	requestsOf(operation: string): FakeRekognitionRequest[];
	/** Collection id → face id → face. */
	readonly collections: ReadonlyMap<string, ReadonlyMap<string, FakeIndexedFace>>;
	setVision(vision: FakeVision): void;
	/** The next call of `operation` fails with `error`; queued, so several calls can fail in turn. */
	failNext(operation: string, error: FakeRekognitionError): void;
	close(): Promise<void>;
}

const faceModelVersion = "7.0";
const indexFacesLimit = 100;
const searchMaxFacesLimit = 4096;
const listFacesMaxResultsLimit = 4096;
const listFacesDefaultMaxResults = 1000;
const defaultFaceMatchThreshold = 80;

/** Thrown by an operation handler; becomes the error response. */
class FakeServiceError extends Error {
	readonly type: string;
	readonly status: number;
	constructor(type: string, message: string, status = 400) {
		super(message);
		this.type = type;
		this.status = status;
	}
}

function invalidParameter(message: string): FakeServiceError {
	return new FakeServiceError("InvalidParameterException", message);
}

function requireString(body: Record<string, unknown>, key: string): string {
	const value = body[key];
	if (typeof value !== "string" || value === "") throw invalidParameter(`${key} is required`);
	return value;
}

function optionalNumber(body: Record<string, unknown>, key: string): number | undefined {
	const value = body[key];
	if (value === undefined) return undefined;
	if (typeof value !== "number")
		throw new FakeServiceError("SerializationException", `${key} is not a number`);
	return value;
}

function readImage(body: Record<string, unknown>): Buffer {
	const image = body.Image as { Bytes?: unknown; S3Object?: unknown } | undefined;
	if (image?.S3Object !== undefined) throw invalidParameter("the fake only supports Image.Bytes");
	if (typeof image?.Bytes !== "string" || image.Bytes === "")
		throw invalidParameter("Image.Bytes is required");
	return Buffer.from(image.Bytes, "base64");
}

/** An indexed face as the searches and ListFaces send it (Rekognition's `Face`). */
function wireFace(indexed: FakeIndexedFace) {
	return {
		FaceId: indexed.faceId,
		BoundingBox: indexed.face.detail.BoundingBox,
		ImageId: indexed.imageId,
		...(indexed.externalImageId === null ? {} : { ExternalImageId: indexed.externalImageId }),
		Confidence: indexed.face.detail.Confidence,
		IndexFacesModelVersion: faceModelVersion,
	};
}

/**
 * ListFaces pages in FaceId order and its token names the last face sent, so faces indexed or
 * deleted between two pages never shift the pages after them (a token is opaque to clients).
 */
function listFacesToken(lastFaceId: string): string {
	return Buffer.from(`after:${lastFaceId}`).toString("base64url");
}

function listFacesAfter(body: Record<string, unknown>): string | null {
	const token = body.NextToken;
	if (token === undefined) return null;
	const decoded = typeof token === "string" ? Buffer.from(token, "base64url").toString("utf8") : "";
	if (!decoded.startsWith("after:")) {
		throw new FakeServiceError("InvalidPaginationTokenException", "Invalid pagination token");
	}
	return decoded.slice("after:".length);
}

function boxArea(face: FakeFace): number {
	return (face.detail.BoundingBox?.Width ?? 0) * (face.detail.BoundingBox?.Height ?? 0);
}

/** Rekognition works on the largest faces first (IndexFaces order, the face a search uses). */
function largestFirst(faces: readonly FakeFace[]): FakeFace[] {
	return [...faces].sort((a, b) => boxArea(b) - boxArea(a));
}

async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeRekognitionServer(
	options: FakeRekognitionOptions = {},
): Promise<FakeRekognitionServer> {
	const region = "eu-west-1";
	let vision: FakeVision = options.vision ?? (() => ({}));
	const similarity = options.similarity ?? ((a: FakeFace, b: FakeFace) => (a.person === b.person ? 99 : 10));
	const collections = new Map<string, Map<string, FakeIndexedFace>>();
	const requests: FakeRekognitionRequest[] = [];
	const failures = new Map<string, FakeRekognitionError[]>();

	function collection(collectionId: string): Map<string, FakeIndexedFace> {
		const faces = collections.get(collectionId);
		if (!faces) {
			throw new FakeServiceError(
				"ResourceNotFoundException",
				`The collection id: ${collectionId} does not exist`,
			);
		}
		return faces;
	}

	/** `searchedFaceId`: the face a SearchFaces is for (null for a search by image). */
	function matchesFor(
		searched: FakeFace,
		faces: Iterable<FakeIndexedFace>,
		body: Record<string, unknown>,
		searchedFaceId: string | null,
	) {
		const threshold = optionalNumber(body, "FaceMatchThreshold") ?? defaultFaceMatchThreshold;
		const maxFaces = optionalNumber(body, "MaxFaces") ?? searchMaxFacesLimit;
		if (threshold < 0 || threshold > 100) throw invalidParameter("FaceMatchThreshold must be 0-100");
		if (maxFaces < 1 || maxFaces > searchMaxFacesLimit) throw invalidParameter("MaxFaces must be 1-4096");
		return [...faces]
			.filter((indexed) => options.searchFacesReturnsSelf || indexed.faceId !== searchedFaceId)
			.map((indexed) => ({
				Similarity: indexed.faceId === searchedFaceId ? 100 : similarity(searched, indexed.face),
				Face: wireFace(indexed),
			}))
			.filter((match) => match.Similarity >= threshold)
			.sort((a, b) => b.Similarity - a.Similarity)
			.slice(0, maxFaces);
	}

	const operations: Record<string, (body: Record<string, unknown>) => unknown> = {
		CreateCollection(body) {
			const collectionId = requireString(body, "CollectionId");
			if (!/^[a-zA-Z0-9_.-]{1,255}$/.test(collectionId)) throw invalidParameter("invalid CollectionId");
			if (collections.has(collectionId)) {
				throw new FakeServiceError(
					"ResourceAlreadyExistsException",
					`The collection id: ${collectionId} already exists`,
				);
			}
			collections.set(collectionId, new Map());
			return {
				StatusCode: 200,
				CollectionArn: `aws:rekognition:${region}:000000000000:collection/${collectionId}`,
				FaceModelVersion: faceModelVersion,
			};
		},

		DeleteCollection(body) {
			const collectionId = requireString(body, "CollectionId");
			collection(collectionId);
			collections.delete(collectionId);
			return { StatusCode: 200 };
		},

		DetectText(body) {
			return { TextDetections: vision(readImage(body)).texts ?? [], TextModelVersion: "3.0" };
		},

		DetectFaces(body) {
			const faces = vision(readImage(body)).faces ?? [];
			return { FaceDetails: largestFirst(faces).map((face) => face.detail) };
		},

		IndexFaces(body) {
			const faces = collection(requireString(body, "CollectionId"));
			const image = readImage(body);
			const externalImageId = typeof body.ExternalImageId === "string" ? body.ExternalImageId : null;
			const maxFaces = Math.min(indexFacesLimit, optionalNumber(body, "MaxFaces") ?? indexFacesLimit);
			if (maxFaces < 1) throw invalidParameter("MaxFaces must be at least 1");
			const seen = largestFirst(vision(image).faces ?? []);
			const imageId = randomUUID();
			const records = seen.slice(0, maxFaces).map((face) => {
				const faceId = randomUUID();
				faces.set(faceId, { faceId, imageId, externalImageId, face });
				return {
					Face: {
						FaceId: faceId,
						BoundingBox: face.detail.BoundingBox,
						ImageId: imageId,
						...(externalImageId === null ? {} : { ExternalImageId: externalImageId }),
						Confidence: face.detail.Confidence,
						IndexFacesModelVersion: faceModelVersion,
					},
					FaceDetail: face.detail,
				};
			});
			return {
				FaceRecords: records,
				FaceModelVersion: faceModelVersion,
				UnindexedFaces: seen
					.slice(maxFaces)
					.map((face) => ({ Reasons: ["EXCEEDS_MAX_FACES"], FaceDetail: face.detail })),
			};
		},

		SearchFacesByImage(body) {
			const faces = collection(requireString(body, "CollectionId"));
			const [searched] = largestFirst(vision(readImage(body)).faces ?? []);
			// Rekognition's answer when the image has no face to search with.
			if (!searched) throw invalidParameter("There are no faces in the image. Should be at least 1.");
			return {
				SearchedFaceBoundingBox: searched.detail.BoundingBox,
				SearchedFaceConfidence: searched.detail.Confidence,
				FaceMatches: matchesFor(searched, faces.values(), body, null),
				FaceModelVersion: faceModelVersion,
			};
		},

		SearchFaces(body) {
			const faces = collection(requireString(body, "CollectionId"));
			const faceId = requireString(body, "FaceId");
			const searched = faces.get(faceId);
			if (!searched) throw invalidParameter(`Face ${faceId} is not in the collection`);
			return {
				SearchedFaceId: faceId,
				FaceMatches: matchesFor(searched.face, faces.values(), body, faceId),
				FaceModelVersion: faceModelVersion,
			};
		},

		ListFaces(body) {
			const faces = collection(requireString(body, "CollectionId"));
			const maxResults = optionalNumber(body, "MaxResults") ?? listFacesDefaultMaxResults;
			if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > listFacesMaxResultsLimit) {
				throw invalidParameter("MaxResults must be 1-4096");
			}
			const after = listFacesAfter(body);
			const remaining = [...faces.values()]
				.filter((indexed) => after === null || indexed.faceId > after)
				.sort((a, b) => (a.faceId < b.faceId ? -1 : 1));
			const page = remaining.slice(0, maxResults);
			const last = page.at(-1);
			return {
				Faces: page.map(wireFace),
				...(last && remaining.length > page.length ? { NextToken: listFacesToken(last.faceId) } : {}),
				FaceModelVersion: faceModelVersion,
			};
		},

		DeleteFaces(body) {
			const faces = collection(requireString(body, "CollectionId"));
			const faceIds = body.FaceIds;
			if (!Array.isArray(faceIds) || faceIds.length < 1 || faceIds.length > 4096) {
				throw invalidParameter("FaceIds must hold 1 to 4096 face ids");
			}
			const deleted: string[] = [];
			const unsuccessful: { FaceId: string; Reasons: string[] }[] = [];
			for (const faceId of faceIds) {
				if (typeof faceId === "string" && faces.delete(faceId)) deleted.push(faceId);
				else unsuccessful.push({ FaceId: String(faceId), Reasons: ["FACE_NOT_FOUND"] });
			}
			return { DeletedFaces: deleted, UnsuccessfulFaceDeletions: unsuccessful };
		},
	};

	function send(response: ServerResponse, status: number, payload: unknown): void {
		response.writeHead(status, {
			"content-type": "application/x-amz-json-1.1",
			"x-amzn-requestid": randomUUID(),
		});
		response.end(JSON.stringify(payload));
	}

	function sendError(response: ServerResponse, error: FakeRekognitionError): void {
		send(response, error.status ?? 400, {
			__type: error.type,
			Code: error.type,
			Message: error.message ?? error.type,
		});
	}

	async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const target = request.headers["x-amz-target"];
		const operation =
			typeof target === "string" && target.startsWith("RekognitionService.")
				? target.slice("RekognitionService.".length)
				: "";
		const text = await readBody(request);
		let body: Record<string, unknown> = {};
		try {
			body = text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
		} catch {
			sendError(response, { type: "SerializationException", message: "body is not JSON" });
			return;
		}
		let image: Buffer | null = null;
		try {
			image = body.Image === undefined ? null : readImage(body);
		} catch {
			// Recorded as "no image"; the operation itself answers the error.
		}
		requests.push({ operation, body, headers: request.headers, image });

		if (request.method !== "POST" || request.url !== "/") {
			sendError(response, { type: "UnknownOperationException", message: "POST / only", status: 404 });
			return;
		}
		if (request.headers["content-type"] !== "application/x-amz-json-1.1") {
			sendError(response, { type: "SerializationException", message: "content-type must be AWS JSON 1.1" });
			return;
		}
		const handler = operations[operation];
		if (!handler) {
			sendError(response, { type: "UnknownOperationException", message: `unknown target ${String(target)}` });
			return;
		}
		const failure = failures.get(operation)?.shift();
		if (failure) {
			sendError(response, failure);
			return;
		}
		try {
			send(response, 200, handler(body));
		} catch (error) {
			if (!(error instanceof FakeServiceError)) throw error;
			sendError(response, { type: error.type, message: error.message, status: error.status });
		}
	}

	const server = createServer((request, response) => {
		handle(request, response).catch((error: unknown) => {
			sendError(response, { type: "InternalServerError", message: String(error), status: 500 });
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once("error", reject);
		server.listen(0, "127.0.0.1", () => resolve());
	});
	const { port } = server.address() as AddressInfo;

	return {
		endpoint: `http://127.0.0.1:${port}`,
		region,
		credentials: { accessKeyId: "AKIAFAKEREKOGNITION", secretAccessKey: "fake-rekognition-secret" },
		requests,
		requestsOf: (operation) => requests.filter((request) => request.operation === operation),
		collections,
		setVision(next) {
			vision = next;
		},
		failNext(operation, error) {
			const queue = failures.get(operation) ?? [];
			queue.push(error);
			failures.set(operation, queue);
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				// The SDK keeps connections alive: without this, close() waits for them to time out.
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			}),
	};
}
