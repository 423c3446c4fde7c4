namespace PersonalizeDeletion.Tests.Personalize
{
    internal enum StubResponseKind
    {
        Answer,
        Drop,
        NoAnswer,
    }
}
