package dev.modelzoo.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 in front of a server (the object store, the API) that can fail the way networks do:
 * forward, refuse (accept and close at once) or hang (accept and never answer); switching mode, or {@link #cut()},
 * cuts every open connection; {@link #stallAfter(long)} makes answers stop after some bytes without closing.
 */
public final class FaultyProxy implements AutoCloseable {

    /** What the proxy does with a connection. */
    public enum Mode { FORWARD, REFUSE, HANG }

    private final ServerSocket listener;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Mode mode;
    private volatile int targetPort;
    private volatile long stallAfter = -1;

    public FaultyProxy(Mode mode) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.mode = mode;
        Thread acceptor = new Thread(this::acceptLoop, "faulty-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public void forwardTo(int port) {
        this.targetPort = port;
    }

    public void mode(Mode mode) {
        this.mode = mode;
        cut();
    }

    /** Closes every open connection (as a network that drops them); new ones are handled as the mode says. */
    public void cut() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /**
     * New connections forward only {@code bytes} of each answer, then keep the connection open and silent (a
     * stalled transfer); -1 forwards everything.
     */
    public void stallAfter(long bytes) {
        this.stallAfter = bytes;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                switch (mode) {
                    case REFUSE -> closeQuietly(client);
                    case HANG -> open.add(client);   // read nothing, answer nothing
                    case FORWARD -> forward(client);
                    default -> throw new IllegalStateException();
                }
            } catch (IOException e) {
                return;   // closed
            }
        }
    }

    private void forward(Socket client) {
        try {
            Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            open.add(client);
            open.add(server);
            pump(client, server, -1);
            pump(server, client, stallAfter);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private static void pump(Socket from, Socket to, long limit) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[8192];
                long sent = 0;
                int n;
                while ((n = in.read(buffer, 0, limit < 0 ? buffer.length
                        : (int) Math.min(buffer.length, Math.max(1, limit - sent)))) > 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                    sent += n;
                    while (limit >= 0 && sent >= limit && !to.isClosed()) {
                        Thread.sleep(50);   // stalled: neither more bytes nor a close
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "faulty-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        stallAfter = -1;
        listener.close();
        mode(Mode.REFUSE);
    }
}
