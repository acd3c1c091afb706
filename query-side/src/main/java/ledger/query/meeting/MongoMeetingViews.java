package ledger.query.meeting;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

@Component
class MongoMeetingViews implements MeetingViews {

    private final MongoTemplate mongo;

    MongoMeetingViews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<MeetingView> find(String meetingId) {
        return Optional.ofNullable(mongo.findById(meetingId, MeetingView.class));
    }

    @Override
    public void save(MeetingView meeting) {
        mongo.save(meeting);
    }

    @Override
    public List<MeetingView> all() {
        return mongo.findAll(MeetingView.class);
    }

    @Override
    public void clear() {
        mongo.remove(new Query(), MeetingView.class);
    }
}
