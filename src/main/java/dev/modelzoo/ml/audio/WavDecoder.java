package dev.modelzoo.ml.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes RIFF/WAVE files: PCM 8 (unsigned), 16, 24 and 32-bit integers and 32/64-bit floats (format 1, 3, or
 * WAVE_FORMAT_EXTENSIBLE with either), any channel count (mixed down to mono by the mean) and any sample rate.
 * Every rejection says what the file is or lacks.
 */
public final class WavDecoder {

    private static final int PCM = 1;
    private static final int IEEE_FLOAT = 3;
    private static final int EXTENSIBLE = 0xFFFE;

    private WavDecoder() {
    }

    /**
     * @param maxSeconds longer clips are refused (a limit on what one example may expand to)
     */
    public static Clip decode(byte[] bytes, double maxSeconds) {
        ByteBuffer data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || data.getInt(0) != 0x46464952 || data.getInt(8) != 0x45564157) {
            throw new AudioException("not a WAV file (no RIFF/WAVE header)");
        }
        int position = 12;
        Format format = null;
        while (position + 8 <= bytes.length) {
            int id = data.getInt(position);
            long size = Integer.toUnsignedLong(data.getInt(position + 4));
            int body = position + 8;
            if (body + size > bytes.length) {
                size = bytes.length - body;
            }
            if (id == 0x20746d66) {
                format = format(data, body, (int) size);
            } else if (id == 0x61746164) {
                if (format == null) {
                    throw new AudioException("the WAV file's data chunk comes before its fmt chunk");
                }
                return samples(data, body, (int) size, format, maxSeconds);
            }
            // chunks are padded to an even size
            position = body + (int) size + (int) (size & 1);
        }
        throw new AudioException(format == null ? "the WAV file has no fmt chunk" : "the WAV file has no data chunk");
    }

    /** The fmt chunk: encoding, channels, sample rate and sample size. */
    private record Format(int encoding, int channels, int sampleRate, int bits) {
    }

    private static Format format(ByteBuffer data, int body, int size) {
        if (size < 16) {
            throw new AudioException("the WAV file's fmt chunk is truncated");
        }
        int encoding = data.getShort(body) & 0xffff;
        int channels = data.getShort(body + 2) & 0xffff;
        int sampleRate = data.getInt(body + 4);
        int bits = data.getShort(body + 14) & 0xffff;
        if (encoding == EXTENSIBLE && size >= 26) {
            encoding = data.getShort(body + 24) & 0xffff;
        }
        boolean supported = encoding == PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32)
                || encoding == IEEE_FLOAT && (bits == 32 || bits == 64);
        if (!supported) {
            throw new AudioException("unsupported WAV encoding (format " + encoding + ", " + bits + " bits); PCM 8, 16,"
                    + " 24 or 32-bit and 32 or 64-bit float are supported");
        }
        if (channels < 1 || channels > 16) {
            throw new AudioException("the WAV file declares " + channels + " channels");
        }
        if (sampleRate < 1000 || sampleRate > 384_000) {
            throw new AudioException("the WAV file declares a sample rate of " + sampleRate + " Hz");
        }
        return new Format(encoding, channels, sampleRate, bits);
    }

    private static Clip samples(ByteBuffer data, int body, int size, Format format, double maxSeconds) {
        int frameBytes = format.bits() / 8 * format.channels();
        int frames = size / frameBytes;
        if (frames == 0) {
            throw new AudioException("the WAV file holds no samples");
        }
        if (frames > maxSeconds * format.sampleRate()) {
            throw new AudioException(String.format(java.util.Locale.ROOT, "the clip is %.1f s long; at most %.1f s"
                    + " are accepted (modelzoo.dataset.max-clip-seconds)",
                    frames / (double) format.sampleRate(), maxSeconds));
        }
        float[] mono = new float[frames];
        int position = body;
        for (int frame = 0; frame < frames; frame++) {
            double sum = 0;
            for (int channel = 0; channel < format.channels(); channel++) {
                sum += sample(data, position, format);
                position += format.bits() / 8;
            }
            mono[frame] = (float) (sum / format.channels());
        }
        return new Clip(mono, format.sampleRate(), format.channels(), format.bits(),
                format.encoding() == IEEE_FLOAT);
    }

    private static double sample(ByteBuffer data, int at, Format format) {
        if (format.encoding() == IEEE_FLOAT) {
            double value = format.bits() == 32 ? data.getFloat(at) : data.getDouble(at);
            return Double.isFinite(value) ? Math.max(-1, Math.min(1, value)) : 0;
        }
        return switch (format.bits()) {
            case 8 -> ((data.get(at) & 0xff) - 128) / 128.0;
            case 16 -> data.getShort(at) / 32768.0;
            case 24 -> (((data.get(at + 2) << 16) | ((data.get(at + 1) & 0xff) << 8) | (data.get(at) & 0xff)))
                    / 8388608.0;
            default -> data.getInt(at) / 2147483648.0;
        };
    }
}
