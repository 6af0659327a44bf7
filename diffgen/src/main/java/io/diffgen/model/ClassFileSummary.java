package io.diffgen.model;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * What the scan needs from a class file without indexing it: the descriptors of the annotations on the
 * class itself ({@code Ljakarta/persistence/Entity;}), and every string of its constant pool (the
 * names any annotation, attribute or member could use). Strings are read as Latin-1, which spells the
 * ASCII names compared here as they are.
 */
record ClassFileSummary(Set<String> classAnnotations, Set<String> strings) {
    static ClassFileSummary of(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) throw new IOException("not a class file");
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> {
                    byte[] bytes = new byte[in.readUnsignedShort()];
                    in.readFully(bytes);
                    utf8[i] = new String(bytes, StandardCharsets.ISO_8859_1);
                }
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++; // a long or a double takes two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        in.skipBytes(6); // access flags, this class, super class
        in.skipBytes(2 * in.readUnsignedShort());
        for (int members = 0; members < 2; members++) { // fields, then methods
            int n = in.readUnsignedShort();
            for (int i = 0; i < n; i++) {
                in.skipBytes(6);
                skipAttributes(in);
            }
        }
        Set<String> annotations = new HashSet<>();
        int attributes = in.readUnsignedShort();
        for (int i = 0; i < attributes; i++) {
            String name = utf8[in.readUnsignedShort()];
            int length = in.readInt();
            if ("RuntimeVisibleAnnotations".equals(name)) {
                int n = in.readUnsignedShort();
                for (int a = 0; a < n; a++) {
                    annotations.add(utf8[in.readUnsignedShort()]);
                    skipPairs(in);
                }
            } else {
                in.skipBytes(length);
            }
        }
        Set<String> strings = new HashSet<>();
        for (String s : utf8) {
            if (s != null) strings.add(s);
        }
        return new ClassFileSummary(Set.copyOf(annotations), strings);
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        for (int i = 0; i < n; i++) {
            in.skipBytes(2);
            in.skipBytes(in.readInt());
        }
    }

    /** An annotation's element-value pairs, after its type. */
    private static void skipPairs(DataInputStream in) throws IOException {
        int pairs = in.readUnsignedShort();
        for (int p = 0; p < pairs; p++) {
            in.skipBytes(2);
            skipValue(in);
        }
    }

    private static void skipValue(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 's', 'c' -> in.skipBytes(2);
            case 'e' -> in.skipBytes(4);
            case '@' -> {
                in.skipBytes(2);
                skipPairs(in);
            }
            case '[' -> {
                int n = in.readUnsignedShort();
                for (int i = 0; i < n; i++) skipValue(in);
            }
            default -> throw new IOException("unknown element value tag " + (char) tag);
        }
    }
}
