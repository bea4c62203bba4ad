package io.coregate.gateway.domain.tenant;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network ({@code 10.1.0.0/16}, {@code fd00::/8}) or a single address ({@code 203.0.113.7}), parsed
 * from literals only (never a DNS name). An IPv4-mapped IPv6 peer ({@code ::ffff:10.1.2.3}) matches IPv4 networks.
 *
 * @param network the network's address bytes (4 or 16), host bits cleared
 * @param prefix  the prefix length
 */
public record Cidr(byte[] network, int prefix) {

    private static final Pattern LITERAL = Pattern.compile("^[0-9a-fA-F:.]{2,45}(/[0-9]{1,3})?$");

    public Cidr {
        network = network.clone();
    }

    @Override
    public byte[] network() {
        return network.clone();
    }

    /** The network a literal names; empty when it is not an address literal with a prefix in range. */
    public static Optional<Cidr> parse(String text) {
        if (text == null || !LITERAL.matcher(text).matches()) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (!address.contains(":") && !address.matches("^\\d{1,3}(\\.\\d{1,3}){3}$")) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
        if (prefix > bytes.length * 8) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(mask(bytes, prefix), prefix));
    }

    /** Whether the address is in this network. */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && network.length == 4 && isMappedV4(bytes)) {
            bytes = Arrays.copyOfRange(bytes, 12, 16);
        } else if (address instanceof Inet4Address && network.length == 16) {
            return false;
        }
        return bytes.length == network.length && Arrays.equals(mask(bytes, prefix), network);
    }

    /** The canonical text: address/prefix. */
    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr cidr && cidr.prefix == prefix && Arrays.equals(cidr.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    private static boolean isMappedV4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] masked = bytes.clone();
        for (int i = 0; i < masked.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] = (byte) (masked[i] & (bits == 0 ? 0 : 0xff << (8 - bits)));
        }
        return masked;
    }
}
