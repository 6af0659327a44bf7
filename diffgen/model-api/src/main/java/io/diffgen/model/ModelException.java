package io.diffgen.model;

import io.diffgen.DiffgenException;

/** The entity model could not be loaded or mapped. */
public final class ModelException extends DiffgenException {
    public ModelException(String message, Throwable cause) {
        super(ErrorCode.MODEL, message, cause);
    }

    public ModelException(String message) {
        super(ErrorCode.MODEL, message, null);
    }
}
