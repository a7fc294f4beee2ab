// The engine's name as stored with each reading (blob_ocr.engine), apart from the engine so readers need not load it.
export const ENGINE_NAME = 'ppocr-v4';
