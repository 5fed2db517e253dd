package org.privacykit.inventory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The little of a class file that lint reads: each method's name, descriptor and the members its
 * code refers to (fields read, methods called, {@code invokedynamic} call sites), in the order of
 * the JVM specification (chapter 4). Nothing is loaded or run; no bytecode library is needed.
 */
final class ClassFile {
    private static final int MAGIC = 0xCAFEBABE;
    /** Larger class files are not read (none a domain class would be). */
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    /** A member a method's code refers to. */
    record Reference(Kind kind, String owner, String name, String descriptor) {
    }

    /** How code refers to a member. */
    enum Kind { GET_FIELD, INVOKE, INVOKE_DYNAMIC }

    private final String thisClass;
    private final Map<String, List<Reference>> methods;

    private ClassFile(String thisClass, Map<String, List<Reference>> methods) {
        this.thisClass = thisClass;
        this.methods = methods;
    }

    /** The internal name of the class, such as {@code com/example/Customer}. */
    String thisClass() {
        return thisClass;
    }

    /**
     * The references in the code of a method.
     *
     * @param nameAndDescriptor such as {@code toString()Ljava/lang/String;}
     * @return the references in order, or {@code null} when the class declares no such method with code
     */
    @Nullable List<Reference> code(String nameAndDescriptor) {
        return methods.get(nameAndDescriptor);
    }

    /**
     * Reads the class file of a loaded class from its class loader.
     *
     * @return the class file, or {@code null} when it cannot be found or read
     */
    static @Nullable ClassFile of(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        ClassLoader loader = type.getClassLoader();
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource)
                : loader.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes.write(buffer, 0, n);
                if (bytes.size() > MAX_BYTES) {
                    return null;
                }
            }
            return parse(bytes.toByteArray());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Parses a class file; {@code null} when it is not one. */
    static @Nullable ClassFile parse(byte[] bytes) {
        try {
            return new Parser(ByteBuffer.wrap(bytes)).parse();
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException
                 | ClassCastException e) {
            return null;
        }
    }

    private static final class Parser {
        private final ByteBuffer in;
        private @Nullable Object[] pool = new Object[0];

        Parser(ByteBuffer in) {
            this.in = in;
        }

        ClassFile parse() {
            if (in.getInt() != MAGIC) {
                throw new IllegalArgumentException("not a class file");
            }
            in.getShort(); // minor
            in.getShort(); // major
            readPool();
            in.getShort(); // access flags
            String thisClass = className(u2());
            in.getShort(); // super class
            skip(2 * u2()); // interfaces
            int fields = u2();
            for (int i = 0; i < fields; i++) {
                skip(6);
                skipAttributes();
            }
            Map<String, List<Reference>> methods = new HashMap<>();
            int count = u2();
            for (int i = 0; i < count; i++) {
                in.getShort(); // access flags
                String name = utf8(u2());
                String descriptor = utf8(u2());
                int attributes = u2();
                for (int a = 0; a < attributes; a++) {
                    String attribute = utf8(u2());
                    int length = in.getInt();
                    if (attribute.equals("Code")) {
                        int end = in.position() + length;
                        in.getShort(); // max stack
                        in.getShort(); // max locals
                        int codeLength = in.getInt();
                        methods.put(name + descriptor, references(in.position(), codeLength));
                        in.position(end);
                    } else {
                        skip(length);
                    }
                }
            }
            return new ClassFile(thisClass, methods);
        }

        private int u2() {
            return in.getShort() & 0xFFFF;
        }

        private void skip(int n) {
            in.position(in.position() + n);
        }

        private void skipAttributes() {
            int attributes = u2();
            for (int a = 0; a < attributes; a++) {
                in.getShort();
                skip(in.getInt());
            }
        }

        /** Constant pool entries: Strings for Utf8, int[] of indexes for the others that lint needs. */
        private void readPool() {
            int count = u2();
            pool = new Object[count];
            for (int i = 1; i < count; i++) {
                int tag = in.get() & 0xFF;
                switch (tag) {
                    case 1 -> {
                        byte[] utf = new byte[u2()];
                        in.get(utf);
                        pool[i] = modifiedUtf8(utf);
                    }
                    case 3, 4 -> in.getInt();
                    case 5, 6 -> {
                        in.getLong();
                        i++; // takes two entries
                    }
                    case 7, 8, 16, 19, 20 -> pool[i] = new int[] {tag, u2()};
                    case 9, 10, 11, 12, 17, 18 -> pool[i] = new int[] {tag, u2(), u2()};
                    case 15 -> pool[i] = new int[] {tag, in.get() & 0xFF, u2()};
                    default -> throw new IllegalArgumentException("unknown constant pool tag " + tag);
                }
            }
        }

        private static String modifiedUtf8(byte[] utf) {
            StringBuilder out = new StringBuilder(utf.length);
            for (int i = 0; i < utf.length; i++) {
                int b = utf[i] & 0xFF;
                if (b < 0x80) {
                    out.append((char) b);
                } else if ((b & 0xE0) == 0xC0 && i + 1 < utf.length) {
                    out.append((char) (((b & 0x1F) << 6) | (utf[++i] & 0x3F)));
                } else if (i + 2 < utf.length) {
                    out.append((char) (((b & 0x0F) << 12) | ((utf[i + 1] & 0x3F) << 6) | (utf[i + 2] & 0x3F)));
                    i += 2;
                }
            }
            return out.toString();
        }

        private String utf8(int index) {
            return (String) pool[index];
        }

        private String className(int index) {
            return utf8(((int[]) pool[index])[1]);
        }

        /** The member a Fieldref, Methodref, InterfaceMethodref or InvokeDynamic entry names. */
        private Reference member(Kind kind, int index) {
            int[] entry = (int[]) pool[index];
            int[] nameAndType = (int[]) pool[entry[2]];
            String owner = kind == Kind.INVOKE_DYNAMIC ? "" : className(entry[1]);
            return new Reference(kind, owner, utf8(nameAndType[1]), utf8(nameAndType[2]));
        }

        private List<Reference> references(int start, int length) {
            List<Reference> out = new ArrayList<>();
            int pc = 0;
            while (pc < length) {
                int opcode = in.get(start + pc) & 0xFF;
                int operand = start + pc + 1;
                switch (opcode) {
                    case 0xb4, 0xb2 -> out.add(member(Kind.GET_FIELD, in.getShort(operand) & 0xFFFF)); // getfield, getstatic
                    case 0xb6, 0xb7, 0xb8, 0xb9 -> out.add(member(Kind.INVOKE, in.getShort(operand) & 0xFFFF));
                    case 0xba -> out.add(member(Kind.INVOKE_DYNAMIC, in.getShort(operand) & 0xFFFF));
                    default -> {
                    }
                }
                pc += instructionLength(start, pc);
            }
            return out;
        }

        /** The length of the instruction at {@code pc}, operands included (JVM specification 6.5). */
        private int instructionLength(int start, int pc) {
            int opcode = in.get(start + pc) & 0xFF;
            switch (opcode) {
                case 0xaa: { // tableswitch
                    int at = pc + 1 + ((4 - (pc + 1) % 4) % 4);
                    int low = in.getInt(start + at + 4);
                    int high = in.getInt(start + at + 8);
                    return at - pc + 12 + 4 * (high - low + 1);
                }
                case 0xab: { // lookupswitch
                    int at = pc + 1 + ((4 - (pc + 1) % 4) % 4);
                    int pairs = in.getInt(start + at + 4);
                    return at - pc + 8 + 8 * pairs;
                }
                case 0xc4: // wide
                    return (in.get(start + pc + 1) & 0xFF) == 0x84 ? 6 : 4;
                default:
                    return 1 + OPERANDS[opcode];
            }
        }
    }

    /** Operand bytes of each fixed-length opcode. */
    private static final byte[] OPERANDS = new byte[256];

    static {
        OPERANDS[0x10] = 1; // bipush
        OPERANDS[0x11] = 2; // sipush
        OPERANDS[0x12] = 1; // ldc
        OPERANDS[0x13] = 2; // ldc_w
        OPERANDS[0x14] = 2; // ldc2_w
        for (int op = 0x15; op <= 0x19; op++) {
            OPERANDS[op] = 1; // loads with an index
        }
        for (int op = 0x36; op <= 0x3a; op++) {
            OPERANDS[op] = 1; // stores with an index
        }
        OPERANDS[0x84] = 2; // iinc
        for (int op = 0x99; op <= 0xa8; op++) {
            OPERANDS[op] = 2; // conditional branches, goto, jsr
        }
        OPERANDS[0xa9] = 1; // ret
        for (int op = 0xb2; op <= 0xb8; op++) {
            OPERANDS[op] = 2; // field access and invokes
        }
        OPERANDS[0xb9] = 4; // invokeinterface
        OPERANDS[0xba] = 4; // invokedynamic
        OPERANDS[0xbb] = 2; // new
        OPERANDS[0xbc] = 1; // newarray
        OPERANDS[0xbd] = 2; // anewarray
        OPERANDS[0xc0] = 2; // checkcast
        OPERANDS[0xc1] = 2; // instanceof
        OPERANDS[0xc5] = 3; // multianewarray
        OPERANDS[0xc6] = 2; // ifnull
        OPERANDS[0xc7] = 2; // ifnonnull
        OPERANDS[0xc8] = 4; // goto_w
        OPERANDS[0xc9] = 4; // jsr_w
    }
}
