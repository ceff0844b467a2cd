# Build: the SDK image plus Node.js, because the build restores the front-end packages with npm.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/Server -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Inside a container the server must listen on all interfaces to be reachable through the published ports.
ENV Playground__DataDirectory=/data \
    ASPNETCORE_URLS=http://0.0.0.0:5080 \
    Playground__KubernetesApiUrl=https://0.0.0.0:6443
VOLUME /data
EXPOSE 5080 6443
ENTRYPOINT ["dotnet", "Playground.Server.dll"]
