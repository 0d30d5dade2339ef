package dev.modelzoo.ml.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes small WAV fixtures: PCM 8/16/24/32-bit or 32-bit float, any channel count, from per-channel samples. */
public final class Wavs {

    private Wavs() {
    }

    /** A sine of {@code hertz} at {@code amplitude}, {@code seconds} long. */
    public static float[] sine(double hertz, double amplitude, int sampleRate, double seconds) {
        float[] samples = new float[(int) Math.round(sampleRate * seconds)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (amplitude * Math.sin(2 * Math.PI * hertz * i / sampleRate));
        }
        return samples;
    }

    /** @param floating 32-bit IEEE float samples instead of integer PCM of {@code bits} */
    public static byte[] wav(int sampleRate, int bits, boolean floating, float[]... channels) {
        int frames = channels[0].length;
        int bytesPer = bits / 8;
        ByteBuffer out = ByteBuffer.allocate(44 + frames * channels.length * bytesPer).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0x46464952).putInt(36 + frames * channels.length * bytesPer).putInt(0x45564157);
        out.putInt(0x20746d66).putInt(16).putShort((short) (floating ? 3 : 1)).putShort((short) channels.length)
                .putInt(sampleRate).putInt(sampleRate * channels.length * bytesPer)
                .putShort((short) (channels.length * bytesPer)).putShort((short) bits);
        out.putInt(0x61746164).putInt(frames * channels.length * bytesPer);
        for (int frame = 0; frame < frames; frame++) {
            for (float[] channel : channels) {
                double v = Math.max(-1, Math.min(1, channel[frame]));
                if (floating) {
                    out.putFloat((float) v);
                    continue;
                }
                switch (bits) {
                    case 8 -> out.put((byte) (Math.round(v * 127) + 128));
                    case 16 -> out.putShort((short) Math.round(v * 32767));
                    case 24 -> {
                        int s = (int) Math.round(v * 8388607);
                        out.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
                    }
                    default -> out.putInt((int) Math.round(v * 2147483647.0));
                }
            }
        }
        return out.array();
    }
}
