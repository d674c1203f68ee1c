namespace Village.Web.Infrastructure.Email;

public interface IEmailTransport
{
    Task SendAsync(OutboxEmail email, CancellationToken cancellationToken);
}
