# syntax=docker/dockerfile:1
# Build stage: the same Maven build as CI, producing target/hirebot.jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY cards cards
COPY src src
RUN mvn -B -q package -DskipTests

# Runtime stage: a slim JRE, a non-root user, and a health check on /healthz.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home /app hirebot \
 && mkdir -p /app/data && chown -R hirebot /app \
 && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/target/hirebot.jar /app/hirebot.jar
USER hirebot
ENV HIREBOT_PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${HIREBOT_PORT}/healthz" || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/hirebot.jar"]
