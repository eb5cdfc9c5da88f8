package io.annualreport.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Port checks that fail with a message naming the port and who wanted it. */
public final class Ports {

    private Ports() {
    }

    /** Fails with a clear message if something already listens on the port. */
    public static void requireFree(int port, String who) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            s.setReuseAddress(true);
        } catch (IOException e) {
            System.err.println(
                    "port " + port + " (" + who + ") is already in use; stop what uses it or choose another port");
            System.exit(3);
        }
    }

    /** A port that is free right now. */
    public static int free() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
