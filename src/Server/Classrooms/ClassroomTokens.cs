using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Playground.Server.Classrooms;

/// <summary>
/// The join code of a classroom's link: derived from the instructor token, so the server stores only hashes and can
/// still show the link again to whoever holds that token; 128 bits, so the classroom id alone never lets anyone in.
/// </summary>
public static class ClassroomTokens
{
    public static string JoinCode(string classroomId, string instructorToken) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(instructorToken), Encoding.UTF8.GetBytes($"join:{classroomId}")).AsSpan(0, 16));

    /// <summary>
    /// The token of the instructor's view link <paramref name="shareId"/> to a student's sandbox: derived like the join code, so
    /// that every "Open" of the same student finds that link again instead of making one more (256 bits, as a random token).
    /// </summary>
    public static string InstructorViewToken(string instructorToken, string shareId) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(instructorToken), Encoding.UTF8.GetBytes($"view:{shareId}")));

    /// <summary>The link a student opens: the browser page that asks for a display name and joins.</summary>
    public static string JoinUrl(HttpRequest request, string classroomId, string joinCode) => JoinUrl(Site(request), classroomId, joinCode);

    /// <summary>The join link on <paramref name="site"/>, for callers without a request (the browser UI's circuit).</summary>
    public static string JoinUrl(Uri site, string classroomId, string joinCode) => new Uri(site, $"/join/{classroomId}?code={joinCode}").ToString();

    /// <summary>The address the request came to, which the links it is answered with point at.</summary>
    public static Uri Site(HttpRequest request) => new($"{request.Scheme}://{request.Host}");
}
