using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;

namespace PersonalizeDeletion.Staging
{
    /// <summary>
    /// Streams user IDs from a local CSV file with the header <c>USER_ID</c>, or a header with a <c>USER_ID</c>
    /// column among others (an export; the other columns are skipped, as Import-Csv rows' would be), in bounded memory.
    /// The header name is matched in any case, as Import-Csv's property names are.
    /// </summary>
    /// <remarks>
    /// RFC 4180: fields may be quoted with inner quotes doubled; lines end in CRLF or LF; a UTF-8 byte
    /// order mark is skipped. The header may be quoted (Export-Csv writes <c>"USER_ID"</c>). Empty lines
    /// are skipped, as Import-Csv does, so a blank last line is harmless; a quoted empty field is returned
    /// as an empty ID for the caller's validation to report, and so is a row of a multi-column file that ends
    /// before its USER_ID field. In a one-column file a comma outside quotes (a second column) makes the file
    /// invalid, as do a quote inside an unquoted field, a bare CR and invalid UTF-8, naming the line.
    /// <para>
    /// The file is parsed as bytes (every CSV delimiter is ASCII, so UTF-8 multi-byte sequences never
    /// look like one) and only each field is decoded, strictly, so bad bytes are reported with their line.
    /// </para>
    /// </remarks>
    internal sealed class UserIdCsvFileReader : IDisposable
    {
        private const int ReadSize = 64 * 1024;

        // Far beyond any valid ID (256 characters are at most 1 KiB of UTF-8, even quoted); the cap keeps
        // memory bounded on a file that has no line breaks at all.
        private const int MaxRecordBytes = 64 * 1024;

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        private static readonly byte[] UnquotedDelimiters = { (byte)',', (byte)'"', (byte)'\r', (byte)'\n' };

        private readonly string _path;
        private readonly FileStream _stream;
        private readonly byte[] _buffer = new byte[MaxRecordBytes + ReadSize];
        private byte[] _unescaped = new byte[1024];
        private int _position;
        private int _end;
        private bool _endOfFile;
        private long _line = 1;
        private bool _readingHeader = true;

        // Where USER_ID is among the header's columns; a one-column file (the common case) takes the fast path.
        private int _column;
        private int _columns = 1;

        public UserIdCsvFileReader(string path)
        {
            _path = path ?? throw new ArgumentNullException(nameof(path));
            try
            {
                _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            }
            catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException)
            {
                throw new UserIdFileException(ErrorIds.UserIdFileNotFound, Format("The user ID file '{0}' does not exist.", path), path, null, ex);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new UserIdFileException(ErrorIds.UserIdFileNotReadable, Format("The user ID file '{0}' cannot be read: {1}", path, ex.Message), path, null, ex);
            }

            try
            {
                ReadHeader();
            }
            catch
            {
                _stream.Dispose();
                throw;
            }
        }

        private enum Scan
        {
            NeedMoreData,
            EndOfFile,
            BlankLine,
            Field,
        }

        /// <summary>
        /// Reads the next ID as its UTF-8 bytes (quotes removed), valid only until the next read; false at the end
        /// of the file. <paramref name="lineNumber"/> is 1-based (the header is line 1). Bytes that are not
        /// UTF-8 make the file invalid, naming the line.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public bool TryReadNextUtf8(out ReadOnlySpan<byte> utf8UserId, out long lineNumber)
        {
            if (!TryReadField(out int start, out int length, out bool doubledQuotes, out lineNumber))
            {
                utf8UserId = default;
                return false;
            }

            byte[] bytes = Unescape(ref start, ref length, doubledQuotes);
            utf8UserId = new ReadOnlySpan<byte>(bytes, start, length);
            foreach (byte b in utf8UserId)
            {
                if (b >= 0x80)
                {
                    ValidateUtf8(bytes, start, length, lineNumber);
                    break;
                }
            }

            return true;
        }

        /// <summary>
        /// How many more lines the file likely has, from its length and the lines read so far (0 before the first
        /// ID, or when the file is a pipe with no length): lets the reader's consumer make room in advance.
        /// </summary>
        public long EstimateRemainingLines()
        {
            if (!_stream.CanSeek)
            {
                return 0;
            }

            // _line is the number of the next line; the header was line 1.
            long consumed = Consumed;
            long lines = _line - 2;
            return consumed <= 0 || lines <= 0 ? 0 : (long)((double)(_stream.Length - consumed) * lines / consumed);
        }

        public void Dispose() => _stream.Dispose();

        // Bytes of the file taken so far (header and BOM included); only for a stream that can seek.
        private long Consumed => _stream.Position - (_end - _position);

        private void ReadHeader()
        {
            while (_end < 3 && !_endOfFile)
            {
                Fill();
            }

            if (_end >= 2 && ((_buffer[0] == 0xFF && _buffer[1] == 0xFE) || (_buffer[0] == 0xFE && _buffer[1] == 0xFF)))
            {
                throw Fail(1, "the file is UTF-16 encoded; save it as UTF-8 (for example with Export-Csv -Encoding utf8).");
            }

            if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
            {
                _position = 3;
            }

            var fields = new List<(int Start, int Length, bool Doubled)>();
            if (!TryReadRecord(-1, fields, out _, out _, out _, out long line))
            {
                throw new UserIdFileException(
                    ErrorIds.InvalidUserIdFileHeader,
                    Format("The user ID file '{0}' is empty; its first line must be the header {1}.", _path, UserIdCsv.HeaderName),
                    _path,
                    1);
            }

            var names = new List<string>(fields.Count);
            foreach ((int start, int length, bool doubled) in fields)
            {
                names.Add(Decode(start, length, doubled, line));
            }

            SelectColumn(names, line);
            _readingHeader = false;
        }

        /// <summary>
        /// Takes the USER_ID column of the header, in any case, as Import-Csv binds it (the staged CSV's header is
        /// written by the module, so the file's own spelling never reaches the service). The names found are not
        /// quoted back: a file without a header starts with a user ID.
        /// </summary>
        private void SelectColumn(List<string> names, long line)
        {
            int column = names.FindIndex(UserIdCsv.IsHeaderName);
            if (column < 0)
            {
                throw Fail(line, "the first line must be the header USER_ID, or a header with a USER_ID column.");
            }

            if (names.FindLastIndex(UserIdCsv.IsHeaderName) != column)
            {
                throw Fail(line, "the header names the USER_ID column more than once.");
            }

            _column = column;
            _columns = names.Count;
        }

        /// <summary>Finds the next non-blank record: its ID field's bytes in the buffer (still escaped if <paramref name="doubledQuotes"/>).</summary>
        [MethodImpl(HotPath.Optimize)]
        private bool TryReadField(out int start, out int length, out bool doubledQuotes, out long line) =>
            TryReadRecord(_column, null, out start, out length, out doubledQuotes, out line);

        /// <summary>
        /// Finds the next non-blank record and its field <paramref name="wanted"/>; with <paramref name="all"/>
        /// (the header) every field is collected. The bytes stay valid until the buffer is next filled.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private bool TryReadRecord(int wanted, List<(int Start, int Length, bool Doubled)>? all, out int start, out int length, out bool doubledQuotes, out long line)
        {
            while (true)
            {
                line = _line;
                all?.Clear();
                Scan scan = all is null && _columns == 1
                    ? ScanRecord(out start, out length, out doubledQuotes, out int next, out int lines)
                    : ScanFields(wanted, all, out start, out length, out doubledQuotes, out next, out lines);
                switch (scan)
                {
                    case Scan.NeedMoreData:
                        if (_end - _position >= MaxRecordBytes)
                        {
                            throw Fail(line, _readingHeader ? Format("the header is longer than {0} bytes.", MaxRecordBytes)
                                : _columns == 1 ? Format("the line is longer than {0} bytes; user IDs are at most {1} characters.", MaxRecordBytes, UserIdValidator.MaxLength)
                                : Format("the record is longer than {0} bytes.", MaxRecordBytes));
                        }

                        Fill();
                        continue;
                    case Scan.EndOfFile:
                        return false;
                }

                _position = next;
                _line += lines;
                if (scan == Scan.BlankLine)
                {
                    continue;
                }

                return true;
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private Scan ScanRecord(out int start, out int length, out bool doubledQuotes, out int next, out int lines)
        {
            start = _position;
            length = 0;
            doubledQuotes = false;
            next = _position;
            lines = 0;
            if (_position == _end)
            {
                return _endOfFile ? Scan.EndOfFile : Scan.NeedMoreData;
            }

            if (_buffer[_position] == (byte)'"')
            {
                return ScanQuoted(out start, out length, out doubledQuotes, out next, out lines);
            }

            int found = new ReadOnlySpan<byte>(_buffer, _position, _end - _position).IndexOfAny(UnquotedDelimiters);
            if (found < 0)
            {
                if (!_endOfFile)
                {
                    return Scan.NeedMoreData;
                }

                length = _end - _position;
                next = _end;
                return Scan.Field;
            }

            int at = _position + found;
            switch (_buffer[at])
            {
                case (byte)',':
                    throw Fail(_line, "the line has more than one column (a comma outside quotes); the file must have the single column USER_ID, and IDs that contain commas must be quoted.");
                case (byte)'"':
                    throw Fail(_line, "a double quote appears inside an unquoted field; enclose such IDs in double quotes and double the inner quotes.");
            }

            length = found;
            Scan ending = ScanLineEnd(at, out next);
            if (ending == Scan.NeedMoreData)
            {
                return ending;
            }

            lines = 1;
            return length == 0 ? Scan.BlankLine : Scan.Field;
        }

        /// <summary>
        /// A record of several fields (a multi-column file, or the header): field <paramref name="wanted"/> is
        /// returned, and every field is added to <paramref name="all"/> when given. Fields are RFC 4180 as in a
        /// one-column file; a record with fewer fields than <paramref name="wanted"/> needs gives an empty one.
        /// </summary>
        private Scan ScanFields(int wanted, List<(int Start, int Length, bool Doubled)>? all, out int start, out int length, out bool doubledQuotes, out int next, out int lines)
        {
            start = _position;
            length = 0;
            doubledQuotes = false;
            next = _position;
            lines = 1;
            int at = _position;
            if (at == _end)
            {
                return _endOfFile ? Scan.EndOfFile : Scan.NeedMoreData;
            }

            if (_buffer[at] == (byte)'\r' || _buffer[at] == (byte)'\n')
            {
                return ScanLineEnd(at, out next) == Scan.NeedMoreData ? Scan.NeedMoreData : Scan.BlankLine;
            }

            for (int field = 0; ; field++)
            {
                int fieldStart;
                int fieldLength;
                bool doubled = false;
                int after;
                if (at < _end && _buffer[at] == (byte)'"')
                {
                    fieldStart = at + 1;
                    if (FindClosingQuote(fieldStart, out int quote, out doubled) == Scan.NeedMoreData)
                    {
                        return Scan.NeedMoreData;
                    }

                    fieldLength = quote - fieldStart;
                    after = quote + 1;
                    lines += CountLineFeeds(fieldStart, fieldLength);
                    if (after < _end && _buffer[after] != (byte)',' && _buffer[after] != (byte)'\r' && _buffer[after] != (byte)'\n')
                    {
                        throw Fail(_line, "text follows the closing double quote of a field; double any quote that is part of a value.");
                    }
                }
                else
                {
                    int found = new ReadOnlySpan<byte>(_buffer, at, _end - at).IndexOfAny(UnquotedDelimiters);
                    if (found < 0 && !_endOfFile)
                    {
                        return Scan.NeedMoreData;
                    }

                    fieldStart = at;
                    fieldLength = found < 0 ? _end - at : found;
                    after = at + fieldLength;
                    if (found >= 0 && _buffer[after] == (byte)'"')
                    {
                        throw Fail(_line, "a double quote appears inside an unquoted field; enclose such values in double quotes and double the inner quotes.");
                    }
                }

                all?.Add((fieldStart, fieldLength, doubled));
                if (field == wanted)
                {
                    start = fieldStart;
                    length = fieldLength;
                    doubledQuotes = doubled;
                }

                if (after == _end)
                {
                    // The last record of a file without a final line break.
                    next = _end;
                    return Scan.Field;
                }

                if (_buffer[after] == (byte)',')
                {
                    at = after + 1;
                    continue;
                }

                return ScanLineEnd(after, out next) == Scan.NeedMoreData ? Scan.NeedMoreData : Scan.Field;
            }
        }

        private Scan ScanQuoted(out int start, out int length, out bool doubledQuotes, out int next, out int lines)
        {
            start = _position + 1;
            length = 0;
            doubledQuotes = false;
            next = _position;
            lines = 0;
            if (FindClosingQuote(start, out int quote, out doubledQuotes) == Scan.NeedMoreData)
            {
                return Scan.NeedMoreData;
            }

            length = quote - start;
            int after = quote + 1;
            if (after == _end)
            {
                next = after;
            }
            else if (_buffer[after] == (byte)',')
            {
                throw Fail(_line, "the line has more than one column (a comma after a quoted field); the file must have the single column USER_ID.");
            }
            else if (_buffer[after] != (byte)'\r' && _buffer[after] != (byte)'\n')
            {
                throw Fail(_line, "text follows the closing double quote of a field; double any quote that is part of the ID.");
            }
            else if (ScanLineEnd(after, out next) == Scan.NeedMoreData)
            {
                return Scan.NeedMoreData;
            }

            // Line breaks inside quotes are legal CSV; the ID is then rejected by validation, and the
            // line numbers of the records after it must still be right.
            lines = 1 + CountLineFeeds(start, length);
            return Scan.Field;
        }

        /// <summary>
        /// The closing quote of a quoted field whose text starts at <paramref name="from"/>, skipping doubled quotes
        /// (reported in <paramref name="doubled"/>); NeedMoreData when the buffer ends before it can be told.
        /// </summary>
        private Scan FindClosingQuote(int from, out int quote, out bool doubled)
        {
            doubled = false;
            while (true)
            {
                int found = new ReadOnlySpan<byte>(_buffer, from, _end - from).IndexOf((byte)'"');
                if (found < 0)
                {
                    quote = -1;
                    return _endOfFile ? throw Fail(_line, "a quoted field is not closed before the end of the file.") : Scan.NeedMoreData;
                }

                quote = from + found;
                if (quote + 1 == _end && !_endOfFile)
                {
                    return Scan.NeedMoreData;
                }

                if (quote + 1 < _end && _buffer[quote + 1] == (byte)'"')
                {
                    doubled = true;
                    from = quote + 2;
                    continue;
                }

                return Scan.Field;
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private Scan ScanLineEnd(int at, out int next)
        {
            next = at + 1;
            if (_buffer[at] == (byte)'\n')
            {
                return Scan.Field;
            }

            if (at + 1 == _end && !_endOfFile)
            {
                return Scan.NeedMoreData;
            }

            if (at + 1 == _end || _buffer[at + 1] != (byte)'\n')
            {
                throw Fail(_line, "a carriage return is not followed by a line feed; lines must end in CRLF or LF.");
            }

            next = at + 2;
            return Scan.Field;
        }

        private int CountLineFeeds(int start, int length)
        {
            int count = 0;
            for (int i = start; i < start + length; i++)
            {
                if (_buffer[i] == (byte)'\n')
                {
                    count++;
                }
            }

            return count;
        }

        private string Decode(int start, int length, bool doubledQuotes, long line)
        {
            byte[] bytes = Unescape(ref start, ref length, doubledQuotes);
            try
            {
                return StrictUtf8.GetString(bytes, start, length);
            }
            catch (DecoderFallbackException ex)
            {
                throw Fail(line, "the line is not valid UTF-8; save the file as UTF-8.", ex);
            }
        }

        /// <summary>The field without its doubled quotes (copied to a scratch buffer only when it has some): the array it is in now.</summary>
        [MethodImpl(HotPath.Optimize)]
        private byte[] Unescape(ref int start, ref int length, bool doubledQuotes)
        {
            if (!doubledQuotes)
            {
                return _buffer;
            }

            if (_unescaped.Length < length)
            {
                _unescaped = new byte[length];
            }

            int written = 0;
            for (int i = start; i < start + length; i++)
            {
                _unescaped[written++] = _buffer[i];
                if (_buffer[i] == (byte)'"')
                {
                    i++;
                }
            }

            start = 0;
            length = written;
            return _unescaped;
        }

        private void ValidateUtf8(byte[] bytes, int start, int length, long line)
        {
            try
            {
                StrictUtf8.GetCharCount(bytes, start, length);
            }
            catch (DecoderFallbackException ex)
            {
                throw Fail(line, "the line is not valid UTF-8; save the file as UTF-8.", ex);
            }
        }

        private void Fill()
        {
            if (_position > 0)
            {
                Buffer.BlockCopy(_buffer, _position, _buffer, 0, _end - _position);
                _end -= _position;
                _position = 0;
            }

            int read;
            try
            {
                read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            }
            catch (IOException ex)
            {
                throw new UserIdFileException(ErrorIds.UserIdFileNotReadable, Format("The user ID file '{0}' cannot be read: {1}", _path, ex.Message), _path, _line, ex);
            }

            if (read == 0)
            {
                _endOfFile = true;
            }
            else
            {
                _end += read;
            }
        }

        private UserIdFileException Fail(long line, string reason, Exception? inner = null)
        {
            string errorId = _readingHeader ? ErrorIds.InvalidUserIdFileHeader : ErrorIds.InvalidUserIdFile;
            return new UserIdFileException(errorId, Format("Line {0} of the user ID file '{1}': {2}", line, _path, reason), _path, line, inner);
        }


        private static string Format(string format, params object[] args) =>
            string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
