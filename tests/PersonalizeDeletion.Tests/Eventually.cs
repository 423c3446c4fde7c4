using System;
using System.Threading;
using System.Threading.Tasks;

namespace PersonalizeDeletion.Tests
{
    /// <summary>Waits for something another thread will make true; the guard only keeps a broken build from hanging.</summary>
    internal static class Eventually
    {
        private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

        public static async Task TrueAsync(Func<bool> condition)
        {
            using var deadline = new CancellationTokenSource(Guard);
            while (!condition())
            {
                await Task.Delay(5, deadline.Token);
            }
        }

        public static async Task<T> FoundAsync<T>(Func<T?> find)
            where T : class
        {
            T? found = null;
            await TrueAsync(() => (found = find()) is not null);
            return found!;
        }
    }
}
