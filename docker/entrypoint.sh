#!/bin/sh
# Sizes the JVM heap, the off-heap memory of ND4J/JavaCPP and the OpenMP threads from the container's limits:
#   MODELZOO_MEMORY_LIMIT  bytes (Kubernetes: resourceFieldRef limits.memory); else the cgroup limit
#   MODELZOO_CPU_REQUEST   cores (Kubernetes: resourceFieldRef requests.cpu); else the CPUs visible to the JVM
# Training keeps tensors off-heap, so the heap gets a quarter and JavaCPP up to 60% of the limit.
set -eu

limit=${MODELZOO_MEMORY_LIMIT:-}
if [ -z "$limit" ] && [ -r /sys/fs/cgroup/memory.max ]; then
    limit=$(cat /sys/fs/cgroup/memory.max)
fi
if [ -z "$limit" ] || [ "$limit" = "max" ]; then
    limit=$((4 * 1024 * 1024 * 1024))
fi
heap=$((limit / 4))
offheap=$((limit * 6 / 10))

if [ -z "${OMP_NUM_THREADS:-}" ]; then
    OMP_NUM_THREADS=${MODELZOO_CPU_REQUEST:-$(nproc)}
    [ "$OMP_NUM_THREADS" -ge 1 ] 2>/dev/null || OMP_NUM_THREADS=1
fi
export OMP_NUM_THREADS

exec java \
    -Xmx"$heap" \
    -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError \
    -Dorg.bytedeco.javacpp.maxbytes="$offheap" \
    -Dorg.bytedeco.javacpp.maxphysicalbytes="$((heap + offheap))" \
    -Dorg.bytedeco.javacpp.cachedir="${JAVACPP_CACHE_DIR:-/var/cache/javacpp}" \
    -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    ${JAVA_OPTS:-} \
    -jar /deployments/quarkus-run.jar "$@"
