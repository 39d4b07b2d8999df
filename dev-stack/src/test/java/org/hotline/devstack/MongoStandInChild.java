package org.hotline.devstack;

import java.nio.file.Path;

/** Runs the MongoDB stand-in in its own JVM until the process is killed. Arguments: file, port. */
final class MongoStandInChild {

    private MongoStandInChild() {
    }

    public static void main(String[] args) throws Exception {
        MongoStandIn standIn = new MongoStandIn(Path.of(args[0]), Integer.parseInt(args[1]));
        standIn.start();
        System.out.println("READY " + standIn.connectionString());
        Thread.currentThread().join();
    }
}
