package io.github.stickyuploads.s3.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * The server's heap, read where it is: {@code used} now, {@code peak} (the sum of the heap pools' peaks since the
 * last reset, which overstates the real peak a little), {@code after_gc} (the heap pools' usage after their last
 * collection: the live data, without waiting garbage) and {@code max}, in bytes; with {@code ?gc=true} after a {@code System.gc()}, so that {@code used} is the live heap. POST
 * resets the peaks, after a GC.
 */
@Path("heap")
@ApplicationScoped
public class HeapProbe {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String heap(@QueryParam("gc") @DefaultValue("false") boolean gc) {
        if (gc) {
            System.gc(); // then "used" is the live heap: what the uploads hold, not garbage waiting for a collection
        }
        long peak = 0;
        long afterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
                MemoryUsage collected = pool.getCollectionUsage();
                afterGc += collected == null ? 0 : collected.getUsed();
            }
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return Json.createObjectBuilder().add("used", heap.getUsed()).add("peak", peak).add("after_gc", afterGc)
                .add("max", heap.getMax()).build().toString();
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public String reset() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        return heap(false);
    }
}
