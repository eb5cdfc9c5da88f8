package io.annualreport.ingest.intake;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Resolves a host name to its addresses: the system's DNS in the service, a fixed table in tests. */
@FunctionalInterface
public interface HostResolver {

    /** The system resolver. */
    HostResolver SYSTEM = InetAddress::getAllByName;

    /** All addresses of the host; a literal address resolves to itself. */
    InetAddress[] resolve(String host) throws UnknownHostException;
}
