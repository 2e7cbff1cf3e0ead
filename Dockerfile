# syntax=docker/dockerfile:1
# Build stage: the same Maven build as CI, producing target/hirebot.jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY cards cards
COPY src src
RUN mvn -B -q package -DskipTests

# Runtime stage: a slim JRE, a non-root user, and a health check on /healthz. JDK 25 for its AOT cache (below); the
# jar is built for and tested on 17 (release 17), and `java -jar` runs it on any JDK from 17.
FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 --home /app hirebot \
 && mkdir -p /app/data && chown -R hirebot /app \
 && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/target/hirebot.jar /app/hirebot.jar
# AOT cache (JDK 25: JEP 483 classes loaded and linked ahead of time, JEP 515 method profiles, written in one step by
# JEP 514's -XX:AOTCacheOutput): one training start in sandbox mode records what the bot loads, links and runs hot
# until healthy (its warm-up's throwaway bot answers a click and a command); at its exit the JVM assembles the
# cache in a child JVM. Real starts then skip most class loading and linking and compile the hot methods sooner
# (README "Performance": healthy in about half the time, with about half the CPU). A stale cache is ignored, not
# fatal; a training that never became healthy or did not stop cleanly fails the build (its log printed), as does a
# missing cache. The training talks to the emulator over plain HTTP; the warm-up's TLS
# handshake in memory puts the code of the identity call's handshake with Feishu in the cache as well (a sandbox
# start makes it only when it records, as here: app/ClassArchive finds the recording option on the command line).
RUN (HIREBOT_PORT=18080 HIREBOT_DB_URL=jdbc:h2:file:/tmp/training/bot MALLOC_ARENA_MAX=2 \
       java -XX:+UseSerialGC -Xms64m -XX:MetaspaceSize=64m -XX:MaxTenuringThreshold=2 --sun-misc-unsafe-memory-access=allow \
       -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000 \
       -XX:AOTCacheOutput=/app/hirebot.aot -jar /app/hirebot.jar --sandbox >/tmp/training.log 2>&1 & pid=$!; \
     ok=0; for i in $(seq 1 300); do curl -fsS http://127.0.0.1:18080/healthz >/dev/null 2>&1 && { ok=1; break; }; sleep 0.2; done; \
     kill -TERM $pid; wait $pid; rc=$?; \
     if [ $ok = 1 ] && { [ $rc = 0 ] || [ $rc = 143 ]; }; then exit 0; fi; \
     echo "AOT cache training failed: healthy=$ok exit=$rc" >&2; cat /tmp/training.log >&2; exit 1) \
 && rm -rf /app/data /tmp/training /tmp/training.log && mkdir -p /app/data && chown hirebot /app/data \
 && test -s /app/hirebot.aot && chmod a+r /app/hirebot.aot
USER hirebot
ENV HIREBOT_PORT=8080
EXPOSE 8080
# A container without FEISHU_APP_ID runs the sandbox (an emulator, not Feishu): it reports unhealthy unless
# HIREBOT_SANDBOX=1 says that is intended (the bot answers 503 to allow_sandbox=0 in sandbox mode).
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${HIREBOT_PORT}/healthz?allow_sandbox=${HIREBOT_SANDBOX:-0}" || exit 1
# Memory (README "Performance", section 5): the serial collector (G1's own structures were ~43 MB of a 256 MB heap's
# process; the live heap is ~30 MB), a small initial heap that grows on demand, and glibc's malloc arenas capped
# at 2 (one per thread otherwise). The benchmark's child JVM uses the same flags (ChildBot.JVM_FLAGS, checked by
# DockerfileTest). Metaspace: the first collection for class metadata comes at 64 MB instead of ~21 MB; the start
# loads ~40 MB of it, and each threshold crossed was a full collection (2-4 of 50-70 ms, the world stopped) before
# healthy. It reserves nothing: metaspace is committed as classes load. MaxTenuringThreshold=2: under an intake flood
# what survives two young collections (H2's cached pages, ~0.5 MB per collection) lives on for seconds and reaches
# the old generation anyway; kept in the survivor spaces up to 15 times it was copied at every young pause (README
# "Performance", section 1: survivors 4.5 -> 1.6 MB per collection, bytes promoted per event unchanged).
# --sun-misc-unsafe-memory-access=allow (JDK 23+ only): Netty 4.2 turns its sun.misc.Unsafe paths off by default on
# JDK 25 (io.netty.noUnsafe) and JDK 24+ warns about them; allowed, Netty's buffers run as on JDK 17, where the bot is
# tested and its intake was measured.
# -XX:-AOTReplayTraining: the cache's classes, loaded and linked, without its training's method profiles. The training
# is a start, so its hot methods are the start's (reading templates, the database's first statements, TLS); replayed,
# the JIT compiled them again at every start, on the cores the start needs. A start from the cache skips the warm-up's
# throwaway bot (app/WarmUp), which the training ran; with both, real-mode restarts were healthy in 1,104 ms instead
# of 1,346 (CPU 1,800 / 2,310 ms; bench/StartupAB, 8 rounds each; without the profiles alone: no change).
# -XX:Tier4*Threshold (ten times the defaults): a method goes to C2, the optimising compiler, after 50,000 calls
# instead of 5,000. A start runs much code just often enough for C2 under the defaults (reading templates and jars,
# parsing, TLS), and C2's compilations were the largest single use of the start's CPU (1,050-1,200 of ~4,000 ms, more
# than the main thread's); compiled by C1 only, that code serves the start as well. The bot's hot paths pass 50,000
# calls within seconds of traffic and are compiled by C2 as before: real-mode restarts without an archive were
# healthy in 2,157 instead of 2,507 ms (CPU 3,420 / 4,110 ms; bench/StartupAB, 3 rounds each, throwaway bot off for
# both), and the intake's warm figures did not move (10,069 / 9,652 events/s, 114 / 118 us per event, JIT settled
# after the same 8 rounds; README "Performance").
ENV MALLOC_ARENA_MAX=2
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC", "-Xms64m", "-XX:MetaspaceSize=64m", \
            "-XX:MaxTenuringThreshold=2", "--sun-misc-unsafe-memory-access=allow", \
            "-XX:Tier4InvocationThreshold=50000", "-XX:Tier4MinInvocationThreshold=6000", \
            "-XX:Tier4CompileThreshold=150000", "-XX:Tier4BackEdgeThreshold=400000", "-XX:AOTCache=/app/hirebot.aot", \
            "-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining", "-jar", "/app/hirebot.jar"]
