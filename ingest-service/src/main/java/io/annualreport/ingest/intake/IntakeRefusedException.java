package io.annualreport.ingest.intake;

import java.util.Objects;

/** An upload the intake refuses, with the refusal's code and a message naming the file or entry at fault. */
public class IntakeRefusedException extends RuntimeException {

    private final IntakeRefusal refusal;

    public IntakeRefusedException(IntakeRefusal refusal, String message) {
        this(refusal, message, null);
    }

    public IntakeRefusedException(IntakeRefusal refusal, String message, Throwable cause) {
        super(message, cause);
        this.refusal = Objects.requireNonNull(refusal);
    }

    /** The reason, whose name is the error code the submitter sees. */
    public IntakeRefusal refusal() {
        return refusal;
    }
}
