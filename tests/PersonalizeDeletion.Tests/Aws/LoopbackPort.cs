using System.Net;
using System.Net.Sockets;

namespace PersonalizeDeletion.Tests.Aws
{
    internal static class LoopbackPort
    {
        /// <summary>A loopback port that was free a moment ago, for an HttpListener stand-in.</summary>
        public static int Free()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }
    }
}
