package io.github.rcdetect.testing.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.rcdetect.output.Json;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * An Azure Activity Log record in the shapes of the public samples (src/test/resources/samples/PROVENANCE.md): raw, as
 * Azure Monitor streams it to an Event Hub, or as the Elastic Azure integration indexes it (nested or dotted ECS).
 * There is no public Run Command record, so Run Command records follow the DEALLOCATE record of the Beats sample.
 * Fields left unset are left out; {@link #full} adds what a real record carries beside the fields the job reads.
 */
public final class ActivityDocument {
    public static final String SUBSCRIPTION = "3C7E2F1A-8D4B-4E6F-9A1C-2B5D7E9F0A13";
    public static final String TENANT = "aa40685b-417d-4664-b4ec-8f7640719adb";
    public static final String NAME_CLAIM = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";
    public static final String UPN_CLAIM = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn";

    private JsonNode time;
    private String operation;
    private String resourceId;
    private String resourceName;
    private String resultType;
    private String resultSignature;
    private String correlationId;
    private String callerIp;
    private String tenantId;
    private String principalId;
    private String nameClaim;
    private String upnClaim;
    private String displayName;
    private String userEmail;
    private String subscriptionId;
    private String level;
    private String location;
    private SplittableRandom details;

    private ActivityDocument(String operation) {
        this.operation = operation;
    }

    /** A record of any operation. */
    public static ActivityDocument operation(String operation) {
        return new ActivityDocument(operation);
    }

    /** The resource id of a VM in the given resource group, in the upper case Azure writes in many records. */
    public static String vmResourceId(String subscription, String group, String vm) {
        return "/SUBSCRIPTIONS/" + subscription + "/RESOURCEGROUPS/" + group
                + "/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/" + vm;
    }

    public ActivityDocument at(Instant instant) {
        return time(TextNode.valueOf(instant.toString()));
    }

    public ActivityDocument at(String iso) {
        return time(TextNode.valueOf(iso));
    }

    /** The time exactly as it is to be written (a string in any format, a number, or anything else). */
    public ActivityDocument time(JsonNode value) {
        this.time = value;
        return this;
    }

    /** The VM: its resource id in {@code group} of {@link #SUBSCRIPTION}, and {@code azure.resource.name}. */
    public ActivityDocument vm(String group, String vm) {
        this.resourceId = vmResourceId(SUBSCRIPTION, group, vm);
        this.resourceName = vm;
        return this;
    }

    public ActivityDocument resourceId(String id) {
        this.resourceId = id;
        return this;
    }

    /** {@code azure.resource.name} of the ECS shapes. */
    public ActivityDocument resourceName(String name) {
        this.resourceName = name;
        return this;
    }

    /** {@code resultType} (Start, Accept, Success, Failure); ECS gives {@code event.outcome} for the last two. */
    public ActivityDocument result(String type) {
        this.resultType = type;
        return this;
    }

    public ActivityDocument resultSignature(String signature) {
        this.resultSignature = signature;
        return this;
    }

    public ActivityDocument correlationId(String id) {
        this.correlationId = id;
        return this;
    }

    /** Who asked: caller IP, tenant, principal; and the e-mail, as the name claim (raw) and {@code user.email}. */
    public ActivityDocument caller(String ip, String tenant, String principal, String email) {
        this.callerIp = ip;
        this.tenantId = tenant;
        this.principalId = principal;
        this.nameClaim = email;
        this.userEmail = email;
        return this;
    }

    /** The raw record's name and upn claims and display name, when they differ from {@link #caller}'s e-mail. */
    public ActivityDocument claims(String name, String upn, String display) {
        this.nameClaim = name;
        this.upnClaim = upn;
        this.displayName = display;
        return this;
    }

    /** {@code azure.subscription_id} of the ECS shapes. */
    public ActivityDocument subscription(String id) {
        this.subscriptionId = id;
        return this;
    }

    /** {@code level} and {@code location} of the raw shape. */
    public ActivityDocument levelAndLocation(String level, String location) {
        this.level = level;
        this.location = location;
        return this;
    }

    /** Everything else a real record carries (claims, evidence, properties, release), drawn from {@code random}. */
    public ActivityDocument full(SplittableRandom random) {
        this.details = random;
        return this;
    }

    /** As Azure Monitor streams it: one element of an Event Hub batch, or a bare record. */
    public ObjectNode raw() {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        if (details != null) {
            doc.put("ReleaseVersion", "6.2026.9.2+a1b2c3d.release_2026w09");
            doc.put("RoleLocation", "West Europe");
            doc.put("durationMs", "0");
        }
        set(doc, "time", time);
        put(doc, "resourceId", resourceId);
        put(doc, "operationName", operation);
        doc.put("category", "Administrative");
        put(doc, "resultType", resultType);
        put(doc, "resultSignature", resultSignature);
        put(doc, "correlationId", correlationId);
        put(doc, "callerIpAddress", callerIp);
        put(doc, "level", level);
        put(doc, "location", location);
        put(doc, "tenantId", tenantId);
        ObjectNode identity = doc.putObject("identity");
        ObjectNode authorization = identity.putObject("authorization");
        ObjectNode evidence = authorization.putObject("evidence");
        put(evidence, "principalId", principalId);
        ObjectNode claims = identity.putObject("claims");
        if (details != null) {
            put(authorization, "action", operation == null ? null : operation.toLowerCase());
            put(authorization, "scope", resourceId == null ? null : resourceId.toLowerCase());
            evidence.put("principalType", "User");
            evidence.put("role", "Contributor");
            evidence.put("roleAssignmentId", hex(32));
            evidence.put("roleAssignmentScope", "/subscriptions/" + SUBSCRIPTION.toLowerCase());
            evidence.put("roleDefinitionId", "b24988ac6180420aab8820f7382dd24c");
            claims.put("aud", "https://management.core.windows.net/");
            claims.put("iss", "https://sts.windows.net/" + TENANT + "/");
            claims.put("iat", "1773100000");
            claims.put("nbf", "1773100000");
            claims.put("exp", "1773104000");
            claims.put("appid", "c44b4083-3bb0-49c1-b47d-974e53cbdf3c");
            claims.put("appidacr", "2");
            claims.put("http://schemas.microsoft.com/claims/authnmethodsreferences", "pwd,mfa");
            claims.put("http://schemas.microsoft.com/identity/claims/objectidentifier", uuid());
            claims.put("http://schemas.microsoft.com/identity/claims/tenantid", TENANT);
            put(claims, "ipaddr", callerIp);
            claims.put("uti", hex(22));
            claims.put("ver", "1.0");
        }
        put(claims, NAME_CLAIM, nameClaim);
        put(claims, UPN_CLAIM, upnClaim);
        put(claims, "name", displayName);
        if (details != null && resourceId != null) {
            ObjectNode properties = doc.putObject("properties");
            properties.put("entity", resourceId.toLowerCase());
            properties.put("eventCategory", "Administrative");
            properties.put("hierarchy", TENANT + "/" + SUBSCRIPTION.toLowerCase());
            put(properties, "message", operation == null ? null : operation.toLowerCase());
        }
        return doc;
    }

    /** As the Elastic Azure integration indexes it, with nested objects. */
    public ObjectNode ecs() {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        set(doc, "@timestamp", time);
        ObjectNode event = doc.putObject("event");
        put(event, "action", operation);
        event.put("kind", "event");
        if (details != null) {
            event.put("dataset", "azure.activitylogs");
        }
        if ("Success".equalsIgnoreCase(resultType) || "Failure".equalsIgnoreCase(resultType)) {
            event.put("outcome", resultType.toLowerCase());
        }
        ObjectNode azure = doc.putObject("azure");
        ObjectNode activityLogs = azure.putObject("activitylogs");
        activityLogs.put("category", "Administrative");
        put(activityLogs, "operation_name", operation);
        put(activityLogs, "result_type", resultType);
        put(activityLogs, "result_signature", resultSignature);
        put(activityLogs, "tenant_id", tenantId);
        if (principalId != null) {
            activityLogs
                    .putObject("identity")
                    .putObject("authorization")
                    .putObject("evidence")
                    .put("principal_id", principalId);
        }
        put(azure, "correlation_id", correlationId);
        ObjectNode resource = azure.putObject("resource");
        put(resource, "name", resourceName);
        put(resource, "id", resourceId);
        if (details != null) {
            resource.put("group", "RG");
            resource.put("provider", "MICROSOFT.COMPUTE/VIRTUALMACHINES");
        }
        put(azure, "subscription_id", subscriptionId);
        if (callerIp != null) {
            doc.putObject("source").put("ip", callerIp);
        }
        if (userEmail != null) {
            doc.putObject("user").put("email", userEmail);
        }
        if (details != null) {
            doc.putObject("cloud").put("provider", "azure");
            ObjectNode dataStream = doc.putObject("data_stream");
            dataStream.put("dataset", "azure.activitylogs");
            dataStream.put("namespace", "default");
            dataStream.put("type", "logs");
            doc.putObject("ecs").put("version", "8.11.0");
        }
        return doc;
    }

    /** The ECS shape with dotted keys. */
    public ObjectNode ecsDotted() {
        return Documents.dotted(ecs());
    }

    private String hex(int length) {
        return Random.hex(details, length);
    }

    private String uuid() {
        return Random.uuid(details);
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void set(ObjectNode node, String field, JsonNode value) {
        if (value != null) {
            node.set(field, value);
        }
    }
}
