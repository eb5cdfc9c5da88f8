package io.annualreport.extraction;

import java.util.Locale;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;

import io.annualreport.model.event.FailureReason;

/** Maps what parsers throw to the reason code a submitter or operator can act on. */
final class Failures {

    private Failures() {
    }

    static ExtractionException classify(Throwable failure, String what) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ExtractionException known) {
                return known;
            }
            if (t instanceof Interruption.Cancelled) {
                return new ExtractionException(FailureReason.TIMEOUT,
                        "extraction took longer than the document budget", failure);
            }
            if (t instanceof EncryptedDocumentException
                    || t instanceof org.apache.poi.EncryptedDocumentException
                    || t instanceof org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException) {
                return new ExtractionException(FailureReason.ENCRYPTED, "the file is password protected", failure);
            }
            if (t instanceof StructuredTextHandler.MarkupTooDeepException
                    || t instanceof StructuredTextHandler.TextTooLongException
                    || t instanceof WriteLimitReachedException) {
                return new ExtractionException(FailureReason.TOO_LARGE, t.getMessage(), failure);
            }
            if (t instanceof ZeroByteFileException) {
                return new ExtractionException(FailureReason.NO_TEXT, "the file is empty", failure);
            }
            if (t instanceof StackOverflowError || t instanceof OutOfMemoryError) {
                return new ExtractionException(FailureReason.TOO_LARGE,
                        "the file exhausts the parser (" + t.getClass().getSimpleName() + ")", failure);
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("levels of xml element nesting")) {
                return new ExtractionException(FailureReason.TOO_LARGE,
                        "markup nested deeper than the cap: " + t.getMessage(), failure);
            }
            if (message.contains("zip bomb") || message.contains("suspected zip bomb")
                    || message.contains("zip bomb detected") || message.contains("exceeds the maximum")
                    || message.contains("max entry size") || message.contains("tried to allocate an array of length")) {
                return new ExtractionException(FailureReason.TOO_LARGE,
                        "decompression bomb: " + t.getMessage(), failure);
            }
            if (message.contains("password") || message.contains("encrypted")) {
                return new ExtractionException(FailureReason.ENCRYPTED, "the file is password protected", failure);
            }
        }
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return ExtractionException.corrupt(what + ": " + detail, failure);
    }
}
