using GeoMas.Ogc.Core.Security;

namespace GeoMas.Ogc.Core.Tests.Security;

public class CredentialHasherTests
{
    [Fact]
    public void Api_keys_are_random_and_their_hash_round_trips()
    {
        var key = ApiKeyHasher.NewKey();
        var stored = ApiKeyHasher.Hash(key);

        Assert.NotEqual(key, ApiKeyHasher.NewKey());
        Assert.StartsWith("sha256:", stored, StringComparison.Ordinal);
        Assert.True(ApiKeyHasher.Matches(ApiKeyHasher.Digest(key), ApiKeyHasher.ParseStored(stored)));
        Assert.False(ApiKeyHasher.Matches(ApiKeyHasher.Digest(key + "x"), ApiKeyHasher.ParseStored(stored)));
        Assert.Null(ApiKeyHasher.ParseStored("md5:abc"));
    }

    [Fact]
    public void Passwords_verify_only_with_the_right_password_and_are_salted()
    {
        var stored = PasswordHasher.Hash("correct horse", 1000);

        Assert.True(PasswordHasher.Verify("correct horse", stored));
        Assert.False(PasswordHasher.Verify("correct hors", stored));
        Assert.NotEqual(stored, PasswordHasher.Hash("correct horse", 1000));
        Assert.False(PasswordHasher.Verify("x", "pbkdf2-sha256$10$AAAA$AAAA"));
        Assert.False(PasswordHasher.IsWellFormed("plain"));
    }
}
