using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PersonalizeDeletion.Tests.Personalize
{
    /// <summary>
    /// A loopback HTTP/1.1 server that records each request and answers from a script: a JSON response,
    /// a dropped connection, or no answer at all. Unscripted requests get a 599 so a test never hangs.
    /// </summary>
    internal sealed class StubPersonalizeServer : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly ConcurrentQueue<StubResponse> _script = new ConcurrentQueue<StubResponse>();
        private readonly List<RecordedRequest> _requests = new List<RecordedRequest>();
        private readonly List<TcpClient> _connections = new List<TcpClient>();

        public StubPersonalizeServer()
        {
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            _ = AcceptLoopAsync();
        }

        public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

        /// <summary>Called once a request has been read, with its 1-based number, before it is answered.</summary>
        public Action<int>? OnRequest { get; set; }

        /// <summary>Called after a scripted response has been written, with the request's 1-based number.</summary>
        public Action<int>? AfterResponse { get; set; }

        public IReadOnlyList<RecordedRequest> Requests
        {
            get
            {
                lock (_requests)
                {
                    return _requests.ToArray();
                }
            }
        }

        public StubPersonalizeServer Then(StubResponse response)
        {
            _script.Enqueue(response);
            return this;
        }

        public void Dispose()
        {
            _stopping.Cancel();
            _listener.Stop();
            lock (_connections)
            {
                foreach (var connection in _connections)
                {
                    connection.Dispose();
                }
            }
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stopping.IsCancellationRequested)
            {
                TcpClient connection;
                try
                {
                    connection = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception) when (_stopping.IsCancellationRequested)
                {
                    return;
                }

                lock (_connections)
                {
                    _connections.Add(connection);
                }

                _ = ServeAsync(connection);
            }
        }

        private async Task ServeAsync(TcpClient connection)
        {
            try
            {
                using (connection)
                {
                    var stream = connection.GetStream();
                    while (!_stopping.IsCancellationRequested)
                    {
                        var request = await ReadRequestAsync(stream).ConfigureAwait(false);
                        if (request is null)
                        {
                            return;
                        }

                        int number;
                        lock (_requests)
                        {
                            _requests.Add(request);
                            number = _requests.Count;
                        }

                        OnRequest?.Invoke(number);

                        if (!_script.TryDequeue(out var response))
                        {
                            response = StubResponse.Json(599, "{\"message\":\"the test scripted no response for this request\"}");
                        }

                        if (response.Kind == StubResponseKind.Drop)
                        {
                            connection.Client.Shutdown(SocketShutdown.Both);
                            return;
                        }

                        if (response.Kind == StubResponseKind.NoAnswer)
                        {
                            await Task.Delay(Timeout.Infinite, _stopping.Token).ConfigureAwait(false);
                            return;
                        }

                        var payload = Encoding.UTF8.GetBytes(response.Body);
                        var head = new StringBuilder()
                            .Append("HTTP/1.1 ").Append(response.Status.ToString(CultureInfo.InvariantCulture)).Append(" Stub\r\n")
                            .Append("Content-Type: application/x-amz-json-1.1\r\n")
                            .Append("Content-Length: ").Append(payload.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n")
                            .Append("x-amzn-RequestId: ").Append(response.RequestId).Append("\r\n");
                        foreach (var (name, value) in response.Headers)
                        {
                            head.Append(name).Append(": ").Append(value).Append("\r\n");
                        }

                        head.Append("\r\n");
                        var headBytes = Encoding.ASCII.GetBytes(head.ToString());
                        await stream.WriteAsync(headBytes, 0, headBytes.Length).ConfigureAwait(false);
                        await stream.WriteAsync(payload, 0, payload.Length).ConfigureAwait(false);
                        await stream.FlushAsync().ConfigureAwait(false);
                        AfterResponse?.Invoke(number);
                    }
                }
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
            }
            catch (IOException)
            {
                // The client went away (e.g. it cancelled); nothing left to serve on this connection.
            }
        }

        private static async Task<RecordedRequest?> ReadRequestAsync(NetworkStream stream)
        {
            var head = new List<byte>();
            var one = new byte[1];
            while (!EndsWithBlankLine(head))
            {
                if (await stream.ReadAsync(one, 0, 1).ConfigureAwait(false) == 0)
                {
                    return null;
                }

                head.Add(one[0]);
            }

            var lines = Encoding.ASCII.GetString(head.ToArray()).Split(new[] { "\r\n" }, StringSplitOptions.RemoveEmptyEntries);
            var requestLine = lines[0].Split(' ');
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 1; i < lines.Length; i++)
            {
                var colon = lines[i].IndexOf(':');
                headers[lines[i].Substring(0, colon).Trim()] = lines[i].Substring(colon + 1).Trim();
            }

            if (headers.TryGetValue("Expect", out var expect) && expect.Equals("100-continue", StringComparison.OrdinalIgnoreCase))
            {
                var proceed = Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n");
                await stream.WriteAsync(proceed, 0, proceed.Length).ConfigureAwait(false);
            }

            var length = headers.TryGetValue("Content-Length", out var declared) ? int.Parse(declared, CultureInfo.InvariantCulture) : 0;
            var body = new byte[length];
            var read = 0;
            while (read < length)
            {
                var count = await stream.ReadAsync(body, read, length - read).ConfigureAwait(false);
                if (count == 0)
                {
                    return null;
                }

                read += count;
            }

            return new RecordedRequest(requestLine[0], requestLine[1], headers, Encoding.UTF8.GetString(body));
        }

        private static bool EndsWithBlankLine(List<byte> bytes) =>
            bytes.Count >= 4 && bytes[bytes.Count - 4] == '\r' && bytes[bytes.Count - 3] == '\n' && bytes[bytes.Count - 2] == '\r' && bytes[bytes.Count - 1] == '\n';
    }
}
