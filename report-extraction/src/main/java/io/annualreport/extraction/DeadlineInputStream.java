package io.annualreport.extraction;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that checks the document budget ({@link Interruption#check()}) on every read, so that a parser
 * which first reads the whole file (jsoup builds its tree before Tika emits any element; POI inflates the package)
 * stops at the deadline too.
 */
final class DeadlineInputStream extends FilterInputStream {

    DeadlineInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        Interruption.check();
        return super.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Interruption.check();
        return super.read(buffer, offset, length);
    }

    @Override
    public long skip(long n) throws IOException {
        Interruption.check();
        return super.skip(n);
    }
}
