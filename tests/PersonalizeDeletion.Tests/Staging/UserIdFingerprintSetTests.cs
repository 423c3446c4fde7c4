using System;
using System.Globalization;
using PersonalizeDeletion.Staging;
using Xunit;

namespace PersonalizeDeletion.Tests.Staging
{
    public class UserIdFingerprintSetTests
    {
        [Fact]
        public void AddsNewIdsAndRecognisesDuplicates()
        {
            var set = new UserIdFingerprintSet();
            Assert.True(set.Add("user-1"));
            Assert.True(set.Add("User-1"));
            Assert.True(set.Add("user-1 "));
            Assert.True(set.Add(""));
            Assert.False(set.Add("user-1"));
            Assert.False(set.Add(""));
            Assert.Equal(4, set.Count);
        }

        [Fact]
        public void KeepsAMillionDistinctIdsApart()
        {
            const int n = 1_000_000;
            var set = new UserIdFingerprintSet();
            for (int i = 0; i < n; i++)
            {
                Assert.True(set.Add(Id(i)));
            }

            Assert.Equal(n, set.Count);
            for (int i = 0; i < n; i += 997)
            {
                Assert.False(set.Add(Id(i)));
            }

            Assert.Equal(n, set.Count);
        }

        [Fact]
        public void StaysWithin24BytesPerId()
        {
            const int n = 1_000_000;
            long before = GC.GetTotalMemory(forceFullCollection: true);
            var set = new UserIdFingerprintSet();
            for (int i = 0; i < n; i++)
            {
                set.Add(Id(i));
            }

            long after = GC.GetTotalMemory(forceFullCollection: true);
            GC.KeepAlive(set);
            double bytesPerId = (after - before) / (double)n;
            Assert.True(bytesPerId <= 24, $"{bytesPerId:F1} bytes per ID");
            Assert.True(bytesPerId >= 16, $"{bytesPerId:F1} bytes per ID is below the 16-byte fingerprint; the measurement is wrong");
        }

        private static string Id(int i) => "user-" + i.ToString("D7", CultureInfo.InvariantCulture);
    }
}
