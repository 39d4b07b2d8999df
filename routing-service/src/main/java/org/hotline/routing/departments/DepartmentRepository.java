package org.hotline.routing.departments;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface DepartmentRepository extends MongoRepository<Department, String> {

    List<Department> findAllByOrderByCodeAsc();
}
