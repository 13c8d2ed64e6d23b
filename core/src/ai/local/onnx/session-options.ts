import type { InferenceSession } from "onnxruntime-node";

/**
 * Every onnxruntime session of the local engine (OCR detector and recogniser, faceres). One
 * thread per session: the worker runs one photo per core, so threads inside a run would only
 * fight over the same cores (as sharp's concurrency 1). Full graph optimisation fuses the
 * conv/activation chains and keeps convolutions in the blocked (NCHWc) layout; the arena keeps
 * the many differently sized crops from re-allocating (without it: +7 % CPU, no less memory).
 * Memory patterns off: onnxruntime keeps one allocation plan per input shape, and torso crops
 * and text lines come in hundreds of shapes; off, the engine's peak RSS on 1600 px photos fell
 * from 774 to 692 MB at the same CPU.
 */
export const onnxSessionOptions: InferenceSession.SessionOptions = {
	intraOpNumThreads: 1,
	interOpNumThreads: 1,
	executionMode: "sequential",
	graphOptimizationLevel: "all",
	enableCpuMemArena: true,
	enableMemPattern: false,
};
