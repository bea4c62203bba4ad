package io.coregate.gateway.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.IOContext;

import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * A JSON factory whose every parser refuses a number whose exponent is out of bounds ({@link InputBounds}); the
 * stream-read constraints (digits, depth, string length) are set by {@link Mappers}. Thread-safe, as Jackson's factory.
 */
final class BoundedJsonFactory extends JsonFactory {

    private static final long serialVersionUID = 1L;

    BoundedJsonFactory() {
        super();
    }

    private BoundedJsonFactory(BoundedJsonFactory source) {
        super(source, null);
    }

    @Override
    public JsonFactory copy() {
        return new BoundedJsonFactory(this);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
        return new InputBounds(super._createParser(in, context));
    }

    @Override
    protected JsonParser _createParser(Reader reader, IOContext context) throws IOException {
        return new InputBounds(super._createParser(reader, context));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable) throws IOException {
        return new InputBounds(super._createParser(data, offset, length, context, recyclable));
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
        return new InputBounds(super._createParser(data, offset, length, context));
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext context) throws IOException {
        return new InputBounds(super._createParser(input, context));
    }
}
