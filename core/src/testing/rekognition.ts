/** Test kit for other packages: the fake Rekognition server and builders of its answers. */
export * from "../ai/rekognition/fake-rekognition-server.ts";
export { box, faceDetail, line, word } from "../ai/rekognition/rekognition-engine.testkit.ts";
