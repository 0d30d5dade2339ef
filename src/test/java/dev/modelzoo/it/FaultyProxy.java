package dev.modelzoo.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 in front of the object store that can fail the way networks do: forward, refuse
 * (accept and close at once) or hang (accept and never answer). Switching mode cuts every open connection.
 */
final class FaultyProxy implements AutoCloseable {

    /** What the proxy does with a connection. */
    enum Mode { FORWARD, REFUSE, HANG }

    private final ServerSocket listener;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Mode mode;
    private volatile int targetPort;

    FaultyProxy(Mode mode) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.mode = mode;
        Thread acceptor = new Thread(this::acceptLoop, "faulty-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    void forwardTo(int port) {
        this.targetPort = port;
    }

    void mode(Mode mode) {
        this.mode = mode;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
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
            pump(client, server);
            pump(server, client);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
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
        listener.close();
        mode(Mode.REFUSE);
    }
}
